package com.example;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The example applications use flaskj's API only: {@code dev.flaskj.internal} is not API and may change in any
 * release, so an application that imports it would break on upgrade.
 */
@AnalyzeClasses(packages = "com.example")
class NoInternalApiTest {

    @ArchTest
    static final ArchRule applicationsDoNotUseFlaskjInternals = noClasses()
            .that().resideOutsideOfPackage("dev.flaskj..")
            .should().dependOnClassesThat().resideInAPackage("dev.flaskj.internal..")
            .because("dev.flaskj.internal is not API");
}
