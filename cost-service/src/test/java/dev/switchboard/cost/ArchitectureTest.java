package dev.switchboard.cost;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.switchboard.cost");

    @Test
    void neverCallsProvidersOrReachesIntoOtherServices() {
        noClasses().that().resideInAPackage("dev.switchboard.cost..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.switchboard.providers..",
                        "dev.switchboard.router..", "dev.switchboard.edge..")
                .check(classes);
    }

    @Test
    void queryFeaturesDoNotDependOnTheConsumer() {
        noClasses().that().resideInAnyPackage("dev.switchboard.cost.spend..", "dev.switchboard.cost.requestlog..",
                        "dev.switchboard.cost.latency..", "dev.switchboard.cost.pricing..")
                .should().dependOnClassesThat().resideInAPackage("dev.switchboard.cost.ingest..")
                .check(classes);
    }
}
