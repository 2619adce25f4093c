package dev.concierge.console;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import dev.concierge.app.ConciergeServer;
import dev.concierge.app.ServerSettings;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** How the console may use the server it starts in its process: by its front door only. */
class ConsoleArchitectureTest {
    private static final JavaClasses CONSOLE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.concierge.console");

    /** Everything of ours outside the console and the API records: the server's packages, test support, the kiosk. */
    static final ArchRule USES_NOTHING_OF_THE_SERVER_BUT_ITS_START = noClasses()
            .that()
            .resideInAPackage("dev.concierge.console..")
            .should()
            .dependOnClassesThat(resideInAPackage("dev.concierge..")
                    .and(not(resideInAnyPackage("dev.concierge.console..", "dev.concierge.api..")))
                    .and(not(belongToAnyOf(ConciergeServer.class, ServerSettings.class))))
            .because("the console talks to the server only over HTTP, like a second desk on the LAN; in its own"
                    + " process it only starts and stops it (ConciergeServer, ServerSettings)");

    static final ArchRule ONLY_IN_PROCESS_SERVER_STARTS_IT = noClasses()
            .that()
            .resideInAPackage("dev.concierge.console..")
            .and()
            .doNotHaveSimpleName("InProcessServer")
            .should()
            .dependOnClassesThat(belongToAnyOf(ConciergeServer.class, ServerSettings.class))
            .because("one class knows that the server can run in this process; every screen gets a URL");

    private static final DescribedPredicate<JavaMethodCall> ANY_OTHER_SERVER_METHOD =
            new DescribedPredicate<>("a method of ConciergeServer other than start, uri, setupCode and close") {
                @Override
                public boolean test(JavaMethodCall call) {
                    return call.getTargetOwner().isEquivalentTo(ConciergeServer.class)
                            && !Set.of("start", "uri", "setupCode", "close").contains(call.getName());
                }
            };

    static final ArchRule CALLS_ONLY_START_URI_SETUP_CODE_AND_CLOSE = noClasses()
            .that()
            .resideInAPackage("dev.concierge.console..")
            .should()
            .callMethodWhere(ANY_OTHER_SERVER_METHOD)
            .because("ConciergeServer's other public methods (its clock, its port) are for the server's own tests; the"
                    + " setup code spares the person at the appliance PC copying it from the terminal");

    @Test
    void usesNothingOfTheServerButItsStart() {
        USES_NOTHING_OF_THE_SERVER_BUT_ITS_START.check(CONSOLE);
    }

    @Test
    void onlyInProcessServerStartsIt() {
        ONLY_IN_PROCESS_SERVER_STARTS_IT.check(CONSOLE);
    }

    @Test
    void callsOnlyStartUriSetupCodeAndClose() {
        CALLS_ONLY_START_URI_SETUP_CODE_AND_CLOSE.check(CONSOLE);
    }
}
