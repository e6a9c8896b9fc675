package dev.switchboard.policy;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.switchboard.policy");

    @Test
    void neverCallsProvidersOrReachesIntoOtherServices() {
        noClasses().that().resideInAPackage("dev.switchboard.policy..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.switchboard.providers..",
                        "dev.switchboard.router..", "dev.switchboard.edge..", "dev.switchboard.cost..")
                .check(classes);
    }

    @Test
    void featuresDoNotDependOnTheFileSyncOrTheSnapshot() {
        noClasses().that().resideInAnyPackage("dev.switchboard.policy.teams..", "dev.switchboard.policy.keys..",
                        "dev.switchboard.policy.credentials..", "dev.switchboard.policy.providers..",
                        "dev.switchboard.policy.orgs..", "dev.switchboard.policy.users..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.switchboard.policy.file..",
                        "dev.switchboard.policy.snapshot..")
                .check(classes);
    }

    @Test
    void noJpa() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("jakarta.persistence..")
                .check(classes);
    }
}
