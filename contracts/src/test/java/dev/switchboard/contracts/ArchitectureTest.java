package dev.switchboard.contracts;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    @Test
    void contractsDependOnNeitherSpringNorReactor() {
        var classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.switchboard.contracts");
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "reactor..")
                .check(classes);
    }
}
