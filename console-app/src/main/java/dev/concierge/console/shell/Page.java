package dev.concierge.console.shell;

import javafx.scene.Node;

/** One screen of the shell: its view, and how to ask the server again (every few seconds while it shows). */
public record Page(Screen screen, Node view, Runnable refresh) {}
