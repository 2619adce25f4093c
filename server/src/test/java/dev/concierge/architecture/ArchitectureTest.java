package dev.concierge.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** How the server's packages may depend on each other. Each rule was checked to fail once when broken. */
@AnalyzeClasses(packages = "dev.concierge", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule featuresDoNotReachIntoHttpPlumbing = noClasses()
            .that()
            .resideInAPackage("dev.concierge..")
            .and()
            .resideOutsideOfPackages("dev.concierge.web..", "dev.concierge.app..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("dev.concierge.web..")
            .because("web/ is HTTP plumbing that serves the features; features register their own routes");

    @ArchTest
    static final ArchRule servicesAndRepositoriesKnowNothingOfHttp = noClasses()
            .that()
            .haveSimpleNameEndingWith("Service")
            .or()
            .haveSimpleNameEndingWith("Repository")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("io.javalin..", "jakarta.servlet..", "org.eclipse.jetty..")
            .because("use cases must run the same from HTTP, the assistant, the outbox worker and tests");

    @ArchTest
    static final ArchRule theCommonVocabularyDependsOnNothingOfOurs = noClasses()
            .that()
            .resideInAPackage("dev.concierge.common..")
            .should()
            .dependOnClassesThat(
                    com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage("dev.concierge..")
                            .and(com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackages(
                                    "dev.concierge.common..", "dev.concierge.api..")))
            .because("every feature uses it, so it cannot use them");

    @ArchTest
    static final ArchRule onlyTheAppWiresTheServer = noClasses()
            .that()
            .resideOutsideOfPackage("dev.concierge.app..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("dev.concierge.app..")
            .because("wiring points inward: features never know how they were started");

    @ArchTest
    static final ArchRule theOpenAiClientStaysInTheOpenAiEngine = noClasses()
            .that()
            .resideOutsideOfPackage("dev.concierge.assistant.openai..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("com.openai..")
            .because("one engine talks to OpenAI; the domain and the local engine work the same without a key");

    @ArchTest
    static final ArchRule eachOutsideServiceHasOnePackage = noClasses()
            .that()
            .resideOutsideOfPackage("dev.concierge.integration.stripe..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("com.stripe..")
            .because(
                    "orders and deposits know card payments only as payment.CardPayments; Stripe's client stays in integration/stripe");

    @ArchTest
    static final ArchRule googlesClientsStayInTheGooglePackage = noClasses()
            .that()
            .resideOutsideOfPackage("dev.concierge.integration.google..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("com.google.api.client..", "com.google.api.services..", "com.google.auth..")
            .because("bookings and contacts know nothing of Google; its clients and credentials stay in"
                    + " integration/google");

    @ArchTest
    static final ArchRule theOutboxKnowsNoOutsideService = noClasses()
            .that()
            .resideInAPackage("dev.concierge.outbox..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("dev.concierge.integration..")
            .because("connectors plug into the outbox; the outbox delivers whatever is configured");

    @ArchTest
    static final ArchRule generatedTablesStayInRepositoriesAndServices = classes()
            .that()
            .resideInAPackage("dev.concierge.jooq..")
            .should()
            .onlyBeAccessed()
            .byClassesThat(com.tngtech.archunit.base.DescribedPredicate.describe(
                    "repositories, services or jOOQ itself",
                    (com.tngtech.archunit.core.domain.JavaClass c) ->
                            c.getPackageName().startsWith("dev.concierge.jooq")
                                    || c.getSimpleName().endsWith("Repository")
                                    || c.getSimpleName().endsWith("Service")
                                    || c.getName().contains("Repository$")
                                    || c.getName().contains("Service$")))
            .because("SQL lives in one place per feature, not in controllers or the web layer");
}
