package dev.switchboard.router;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.switchboard.router", "dev.switchboard.providers");

    @Test
    void routerKnowsProvidersOnlyThroughTheSpi() {
        noClasses().that().resideInAPackage("dev.switchboard.router..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.switchboard.providers.*..")
                .check(classes);
    }

    @Test
    void providerAdaptersNeverReachIntoTheRouter() {
        noClasses().that().resideInAPackage("dev.switchboard.providers..")
                .should().dependOnClassesThat().resideInAPackage("dev.switchboard.router..")
                .check(classes);
    }
}
