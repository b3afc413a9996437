package org.paydesk.architecture;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Paydesk's architecture, checked on the classes of every module as built. */
class ArchitectureTest {

    private static final String ROOT = "org.paydesk";
    private static JavaClasses paydesk;

    @BeforeAll
    static void importEveryModule() {
        // The Stripe fake is test tooling on the tests' class path, never part of the application.
        paydesk = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("/org/paydesk/stripefake/"))
                .importPackages(ROOT);
        for (String module : new String[] {".domain.payment", ".application.payment", ".adapters.rest.payment",
                ".adapters.persistence", ".adapters.processor.sandbox"}) {
            assertTrue(paydesk.stream().anyMatch(c -> c.getPackageName().startsWith(ROOT + module)),
                    () -> "no classes of " + module + " were imported: the rules would check nothing");
        }
    }

    @Test
    void the_domain_is_plain_java() {
        ArchitectureRules.domainIsPlainJava(ROOT).check(paydesk);
    }

    @Test
    void the_application_uses_only_the_annotations_of_cdi_jta_and_bean_validation() {
        ArchitectureRules.applicationUsesOnlyAnnotationsOfTheContainer(ROOT).check(paydesk);
    }

    @Test
    void adapters_reach_the_core_only_through_ports_and_never_each_other() {
        ArchitectureRules.layers(ROOT).check(paydesk);
    }

    @Test
    void each_technology_stays_in_its_adapter() {
        ArchitectureRules.technologyStaysInItsAdapter(ROOT, "jakarta.persistence..", "persistence").check(paydesk);
        ArchitectureRules.technologyStaysInItsAdapter(ROOT, "org.eclipse.persistence..", "persistence").check(paydesk);
        ArchitectureRules.technologyStaysInItsAdapter(ROOT, "org.flywaydb..", "persistence").check(paydesk);
        ArchitectureRules.technologyStaysInItsAdapter(ROOT, "jakarta.ws.rs..", "rest").check(paydesk);
        ArchitectureRules.technologyStaysInItsAdapter(ROOT, "jakarta.servlet..", "rest").check(paydesk);
        ArchitectureRules.technologyStaysInItsAdapter(ROOT, "jakarta.json..", "rest").check(paydesk);
        ArchitectureRules.technologyStaysInItsAdapter(ROOT, "jakarta.mail..", "mail").check(paydesk);
        ArchitectureRules.technologyStaysInItsAdapter(ROOT, "org.apache.pdfbox..", "mail").check(paydesk);
        ArchitectureRules.technologyStaysInItsAdapter(ROOT, "com.stripe..", "processor").check(paydesk);
    }

    @Test
    void jpa_entities_are_package_private_classes_of_the_persistence_adapter() {
        ArchitectureRules.entitiesArePackagePrivatePersistenceClasses(ROOT).check(paydesk);
    }

    @Test
    void every_resource_method_declares_its_roles() {
        ArchitectureRules.everyResourceMethodDeclaresItsRoles(ROOT).check(paydesk);
    }

    @Test
    void every_servlet_declares_its_access() {
        ArchitectureRules.everyServletDeclaresItsAccess(ROOT).check(paydesk);
    }

    @Test
    void resources_answer_with_api_records_never_domain_objects() {
        ArchitectureRules.resourcesNeverReturnDomainObjects(ROOT).check(paydesk);
    }

    @Test
    void no_hidden_clock_or_randomness_in_domain_and_application() {
        ArchitectureRules.noHiddenClockOrRandomness(ROOT).check(paydesk);
    }

    @Test
    void no_floating_point_fields_anywhere() {
        ArchitectureRules.noFloatingPoint(ROOT).check(paydesk);
    }

    @Test
    void no_cycles_between_business_areas() {
        ArchitectureRules.noCyclesBetweenAreas(ROOT, "domain").check(paydesk);
        ArchitectureRules.noCyclesBetweenAreas(ROOT, "application").check(paydesk);
    }
}
