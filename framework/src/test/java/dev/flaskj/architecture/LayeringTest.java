package dev.flaskj.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;

/**
 * The package layering of flaskj, checked on the compiled main classes.
 *
 * <p>Lower layer ({@code routing}, {@code http}, {@code json}, {@code signing}, {@code exceptions},
 * {@code internal}): Werkzeug's and itsdangerous's share, usable without an application; it never refers to the
 * upper layer ({@code dev.flaskj} itself, {@code sessions}, {@code templating}, {@code testing}, {@code cli},
 * {@code middleware}). {@code internal} is the bottom: it uses no other flaskj package.
 *
 * <p>The only package cycles are the intended ones, Flask's own shape: the application ({@code dev.flaskj}) and
 * its session interface, its template renderer, its test client and its command group see each other (Flask's
 * {@code app.session_interface}, {@code app.jinja_env}, {@code app.test_client()} and {@code app.cli}). Those five
 * packages are one slice here, and no other cycle is allowed.
 */
@AnalyzeClasses(packages = "dev.flaskj", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {

    private static final String[] LOWER = {
        "dev.flaskj.routing..", "dev.flaskj.http..", "dev.flaskj.json..", "dev.flaskj.signing..",
        "dev.flaskj.exceptions..", "dev.flaskj.internal.."
    };
    private static final String[] UPPER = {
        "dev.flaskj", "dev.flaskj.sessions..", "dev.flaskj.templating..", "dev.flaskj.testing..",
        "dev.flaskj.cli..", "dev.flaskj.middleware.."
    };

    @ArchTest
    static final ArchRule lowerLayerDoesNotUseTheUpperLayer = noClasses()
            .that().resideInAnyPackage(LOWER)
            .should().dependOnClassesThat().resideInAnyPackage(UPPER)
            .because("the lower layer is usable without an application (Werkzeug does not import Flask)");

    @ArchTest
    static final ArchRule internalIsTheBottom = noClasses()
            .that().resideInAPackage("dev.flaskj.internal..")
            .should().dependOnClassesThat(resideInAPackage("dev.flaskj..")
                    .and(resideOutsideOfPackage("dev.flaskj.internal..")))
            .because("internal holds leaf helpers that every other package may use");

    @ArchTest
    static final ArchRule noCyclesBeyondTheApplicationGroup = slices()
            .assignedFrom(new PackageSlices())
            .should().beFreeOfCycles()
            .because("only the application and its session interface, template renderer, test client and"
                    + " command group see each other");

    /** One slice per flaskj package, except that the application and its four collaborators are one. */
    private static final class PackageSlices implements SliceAssignment {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            String pkg = javaClass.getPackageName();
            if (!pkg.equals("dev.flaskj") && !pkg.startsWith("dev.flaskj.")) {
                return SliceIdentifier.ignore();
            }
            String sub = pkg.equals("dev.flaskj") ? "" : pkg.substring("dev.flaskj.".length()).split("\\.")[0];
            switch (sub) {
                case "":
                case "sessions":
                case "templating":
                case "testing":
                case "cli":
                    return SliceIdentifier.of("application (dev.flaskj, sessions, templating, testing, cli)");
                default:
                    return SliceIdentifier.of(sub);
            }
        }

        @Override
        public String getDescription() {
            return "flaskj packages";
        }
    }
}
