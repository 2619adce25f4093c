/** The support bundle an owner downloads for whoever looks after the appliance: logs, versions, settings, health. */
@NullMarked
package dev.concierge.support;

import org.jspecify.annotations.NullMarked;
