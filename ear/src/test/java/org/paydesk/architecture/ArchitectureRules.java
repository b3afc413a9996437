package org.paydesk.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.Architectures;

/**
 * The rules of DESIGN.md §1 and STYLE.md, written as functions of the package root so that a test can show each
 * one firing on a deliberately broken package.
 */
final class ArchitectureRules {

    private ArchitectureRules() {
    }

    /** 1. The domain depends only on the JDK (and not on java.sql or logging). */
    static ArchRule domainIsPlainJava(String root) {
        return classes().that().resideInAPackage(root + ".domain..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java.lang..", "java.util", "java.util.function",
                        "java.util.regex", "java.util.stream", "java.math", "java.time..", root + ".domain..")
                .because("the domain is plain Java: no framework, no I/O, no logging");
    }

    /** 2. The application depends on the domain and on CDI, JTA and Bean Validation annotations only. */
    static ArchRule applicationUsesOnlyAnnotationsOfTheContainer(String root) {
        return classes().that().resideInAPackage(root + ".application..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", root + ".domain..",
                        root + ".application..", "jakarta.enterprise..", "jakarta.inject..", "jakarta.transaction..",
                        "jakarta.validation..")
                .because("the application names its needs as ports and knows no technology");
    }

    /** 3. Layers: adapters reach the core through ports and never each other; every class is in a layer. */
    static Architectures.LayeredArchitecture layers(String root) {
        return Architectures.layeredArchitecture().consideringOnlyDependenciesInAnyPackage(root + "..")
                .withOptionalLayers(true)
                .layer("Domain").definedBy(root + ".domain..")
                .layer("Application").definedBy(root + ".application..")
                .layer("REST").definedBy(root + ".adapters.rest..")
                .layer("Persistence").definedBy(root + ".adapters.persistence..")
                .layer("Processor").definedBy(root + ".adapters.processor..")
                .layer("Mail").definedBy(root + ".adapters.mail..")
                .whereLayer("REST").mayNotBeAccessedByAnyLayer()
                .whereLayer("Persistence").mayNotBeAccessedByAnyLayer()
                .whereLayer("Processor").mayNotBeAccessedByAnyLayer()
                .whereLayer("Mail").mayNotBeAccessedByAnyLayer()
                .whereLayer("Application").mayOnlyBeAccessedByLayers("REST", "Persistence", "Processor", "Mail")
                .whereLayer("Domain").mayOnlyBeAccessedByLayers("Application", "REST", "Persistence", "Processor",
                        "Mail")
                .ensureAllClassesAreContainedInArchitecture();
    }

    /** 4. Each technology stays in its adapter. */
    static ArchRule technologyStaysInItsAdapter(String root, String technology, String adapter) {
        return noClasses().that().resideOutsideOfPackage(root + ".adapters." + adapter + "..")
                .and().resideInAPackage(root + "..")
                .should().dependOnClassesThat().resideInAPackage(technology)
                .because(technology + " belongs to the " + adapter + " adapter");
    }

    /** 5a. JPA entities are package-private and live in the persistence adapter. */
    static ArchRule entitiesArePackagePrivatePersistenceClasses(String root) {
        return classes().that().areAnnotatedWith("jakarta.persistence.Entity")
                .should().resideInAPackage(root + ".adapters.persistence..")
                .andShould().notHaveModifier(JavaModifier.PUBLIC)
                .allowEmptyShould(true);
    }

    /** 5b. Every resource method declares who may call it. */
    static ArchRule everyResourceMethodDeclaresItsRoles(String root) {
        return methods().that().areDeclaredInClassesThat().resideInAPackage(root + ".adapters.rest..")
                .and().areAnnotatedWith("jakarta.ws.rs.GET").or().areAnnotatedWith("jakarta.ws.rs.POST")
                .or().areAnnotatedWith("jakarta.ws.rs.PUT").or().areAnnotatedWith("jakarta.ws.rs.DELETE")
                .or().areAnnotatedWith("jakarta.ws.rs.PATCH")
                .should().beAnnotatedWith("jakarta.annotation.security.RolesAllowed")
                .orShould().beAnnotatedWith("jakarta.annotation.security.PermitAll")
                .because("DESIGN.md §4: every endpoint declares its roles");
    }

    /** 5d. Every servlet (the hosted pages) declares who may call it, as resources do. */
    static ArchRule everyServletDeclaresItsAccess(String root) {
        return classes().that().resideInAPackage(root + ".adapters.rest..")
                .and().areAssignableTo("jakarta.servlet.http.HttpServlet")
                .should().beAnnotatedWith("jakarta.annotation.security.PermitAll")
                .orShould().beAnnotatedWith("jakarta.annotation.security.RolesAllowed")
                .orShould().beAnnotatedWith("jakarta.annotation.security.DenyAll")
                .because("DESIGN.md §4: every endpoint declares its access, a hosted page that its secret authorises")
                .allowEmptyShould(true);
    }

    /** 5c. Resources answer with API records, never domain objects. */
    static ArchRule resourcesNeverReturnDomainObjects(String root) {
        return noMethods().that().areDeclaredInClassesThat().resideInAPackage(root + ".adapters.rest..")
                .and().areDeclaredInClassesThat().areAnnotatedWith("jakarta.ws.rs.Path")
                .and().arePublic()
                .should().haveRawReturnType(resideInAnyPackage(root + ".domain..")
                        .as("a domain type"))
                .allowEmptyShould(true);
    }

    /** 6a. No hidden clock or randomness in the core. */
    static ArchRule noHiddenClockOrRandomness(String root) {
        return noClasses().that().resideInAnyPackage(root + ".domain..", root + ".application..")
                .should().callMethod(java.time.Instant.class, "now")
                .orShould().callMethod(java.time.LocalDate.class, "now")
                .orShould().callMethod(java.time.LocalDateTime.class, "now")
                .orShould().callMethod(java.time.Clock.class, "systemUTC")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .orShould().callMethod(java.util.UUID.class, "randomUUID")
                .orShould().callConstructor(java.util.Random.class)
                .orShould().callConstructor(java.security.SecureRandom.class)
                .because("time and randomness come through ports, so tests can control them");
    }

    /** 6b. No floating point anywhere money could be. */
    static ArchRule noFloatingPoint(String root) {
        return noFields().that().areDeclaredInClassesThat().resideInAPackage(root + "..")
                .should().haveRawType(double.class).orShould().haveRawType(float.class)
                .orShould().haveRawType(Double.class).orShould().haveRawType(Float.class)
                .because("money is counted in minor units, never in floating point");
    }

    /** 6c. No cycles between business areas. */
    static ArchRule noCyclesBetweenAreas(String root, String layer) {
        return slices().matching(root + "." + layer + ".(*)..").should().beFreeOfCycles();
    }

}
