package org.mosaic.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.properties.HasName;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layer rules of DESIGN.md, checked on the compiled classes of every module (mosaic-cli's test classpath is the only
 * one that sees every layer): the models never use studies or front ends, studies never use front ends, the report never
 * uses the command line, and the front ends (the CLI, and the web studio and Spark runner to come) never use each other.
 * A dependency is any use ArchUnit sees in the bytecode: an import, a call, a field or parameter type, an annotation.
 */
class LayerRulesTest {
    /** The models, from units to the cluster. */
    private static final String[] MODELS = {"org.mosaic.core..", "org.mosaic.optics..", "org.mosaic.link..", "org.mosaic.datapath..",
            "org.mosaic.cluster.."};
    private static final String STUDIES = "org.mosaic.studies..";
    /** The sweep engine: between the studies and the front ends that run sweeps (the CLI, Spark, the web studio). */
    private static final String SWEEP = "org.mosaic.sweep..";
    private static final String REPORT = "org.mosaic.report..";
    private static final String CLI = "org.mosaic.cli..";
    private static final String WEB = "org.mosaic.web..";
    private static final String SPARK = "org.mosaic.spark..";
    /** The one command that starts a front end of another kind: {@code mosaic serve} starts the web studio. */
    private static final String SERVE = "org.mosaic.cli.ServeCommand";
    private static final String STUDIO = "org.mosaic.web.Studio";

    static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(LayerRulesTest::mosaicLocation)
                .importPackages("org.mosaic");
        // the rules below must not hold vacuously: every layer that exists today is there
        for (String p : List.of("org.mosaic.core", "org.mosaic.optics", "org.mosaic.link", "org.mosaic.datapath", "org.mosaic.cluster",
                "org.mosaic.studies", "org.mosaic.sweep", "org.mosaic.report", "org.mosaic.cli", "org.mosaic.web")) {
            assertThat(classes.stream().anyMatch(c -> c.getPackageName().startsWith(p))).as("classes of %s imported", p).isTrue();
        }
    }

    /** The modules' class directories (a reactor build) or their jars; not the libraries' jars, whose scan is slow. */
    private static boolean mosaicLocation(com.tngtech.archunit.core.importer.Location location) {
        return !location.isJar() || location.contains("/org/mosaic/") || location.contains("/mosaic-");
    }

    @Test
    void modelsNeverUseStudiesOrFrontEnds() {
        noClasses().that().resideInAnyPackage(MODELS)
                .should().dependOnClassesThat().resideInAnyPackage(STUDIES, SWEEP, REPORT, CLI, WEB, SPARK)
                .because("the models are the bottom layers: studies and front ends use them, never the other way (DESIGN.md)")
                .check(classes);
    }

    @Test
    void studiesNeverUseFrontEnds() {
        noClasses().that().resideInAPackage(STUDIES)
                .should().dependOnClassesThat().resideInAnyPackage(SWEEP, REPORT, CLI, WEB, SPARK)
                .because("a study is a pure function every front end calls; it renders nothing, parses no flags and knows "
                        + "nothing of the sweeps that call it")
                .check(classes);
    }

    @Test
    void theReportNeverUsesTheCommandLine() {
        noClasses().that().resideInAPackage(REPORT)
                .should().dependOnClassesThat().resideInAnyPackage(CLI, WEB, SPARK)
                .because("the report renders study results for any front end")
                .check(classes);
    }

    @Test
    void theSweepEngineNeverUsesTheReportOrAFrontEnd() {
        noClasses().that().resideInAPackage(SWEEP)
                .should().dependOnClassesThat().resideInAnyPackage(REPORT, CLI, WEB, SPARK)
                .because("the sweep engine (spec, plan, local runner, writers) serves every front end that runs sweeps")
                .check(classes);
    }

    @Test
    void frontEndsNeverUseEachOther() {
        for (ArchRule rule : List.of(
                frontEnd(CLI, SPARK),
                noClasses().that().resideInAPackage(CLI).and().doNotHaveFullyQualifiedName(SERVE)
                        .should().dependOnClassesThat().resideInAPackage(WEB)
                        .because("only ./mosaic serve starts the web studio; no other command uses it"),
                noClasses().that().haveFullyQualifiedName(SERVE)
                        .should().dependOnClassesThat(JavaClass.Predicates.resideInAPackage(WEB)
                                .and(DescribedPredicate.not(HasName.Predicates.name(STUDIO))))
                        .because("./mosaic serve only hands the address to the studio's entry point and waits"),
                frontEnd(WEB, CLI, SPARK),
                frontEnd(SPARK, CLI, WEB))) {
            rule.check(classes);
        }
    }

    private static ArchRule frontEnd(String self, String... others) {
        return noClasses().that().resideInAPackage(self)
                .should().dependOnClassesThat().resideInAnyPackage(others)
                .because("front ends only turn inputs into study calls and results into their medium; none imports another")
                .allowEmptyShould(true);   // the web studio and the Spark runner are still to come
    }
}
