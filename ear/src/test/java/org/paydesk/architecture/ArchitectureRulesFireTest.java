package org.paydesk.architecture;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each architecture rule, applied to a package of deliberate violations, must report them: a rule that never fires
 * would pass on anything.
 */
class ArchitectureRulesFireTest {

    private static final String BROKEN = "org.paydesk.architecture.violations";
    private static JavaClasses broken;

    @BeforeAll
    static void importTheViolations() {
        broken = new ClassFileImporter().importPackages(BROKEN);
    }

    private static void assertFires(ArchRule rule) {
        assertTrue(rule.evaluate(broken).hasViolation(), () -> "rule did not fire: " + rule.getDescription());
    }

    @Test
    void the_domain_rule_fires_on_a_naming_lookup() {
        assertFires(ArchitectureRules.domainIsPlainJava(BROKEN));
    }

    @Test
    void the_application_rule_fires_on_jpa_in_a_service() {
        assertFires(ArchitectureRules.applicationUsesOnlyAnnotationsOfTheContainer(BROKEN));
    }

    @Test
    void the_layer_rule_fires_when_rest_reaches_into_persistence() {
        assertTrue(ArchitectureRules.layers(BROKEN).evaluate(broken).hasViolation());
    }

    @Test
    void the_technology_rule_fires_on_jpa_outside_persistence() {
        assertFires(ArchitectureRules.technologyStaysInItsAdapter(BROKEN, "jakarta.persistence..", "persistence"));
    }

    @Test
    void the_entity_rule_fires_on_a_public_entity() {
        assertFires(ArchitectureRules.entitiesArePackagePrivatePersistenceClasses(BROKEN));
    }

    @Test
    void the_roles_rule_fires_on_a_method_without_roles() {
        assertFires(ArchitectureRules.everyResourceMethodDeclaresItsRoles(BROKEN));
    }

    @Test
    void the_servlet_access_rule_fires_on_a_servlet_without_one() {
        assertFires(ArchitectureRules.everyServletDeclaresItsAccess(BROKEN));
    }

    @Test
    void the_wire_format_rule_fires_on_a_domain_object_returned() {
        assertFires(ArchitectureRules.resourcesNeverReturnDomainObjects(BROKEN));
    }

    @Test
    void the_clock_rule_fires_on_instant_now() {
        assertFires(ArchitectureRules.noHiddenClockOrRandomness(BROKEN));
    }

    @Test
    void the_money_rule_fires_on_a_double() {
        assertFires(ArchitectureRules.noFloatingPoint(BROKEN));
    }

    @Test
    void the_cycle_rule_fires_on_two_areas_that_need_each_other() {
        assertFires(ArchitectureRules.noCyclesBetweenAreas(BROKEN, "domain"));
    }
}
