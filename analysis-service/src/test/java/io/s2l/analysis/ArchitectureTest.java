package io.s2l.analysis;

import static com.tngtech.archunit.base.DescribedPredicate.alwaysTrue;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.s2l.testsupport.arch.Boundaries;

/**
 * The boundaries of the analysis service, and those of the libraries it is built with (statistics,
 * attribution, mixtures, plots, study definitions, the queue, access), over their compiled classes.
 */
@AnalyzeClasses(packages = "io.s2l", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  private static final String ROOT = "io.s2l.analysis";

  @ArchTest
  static final ArchRule librariesDoNotDependOnServices =
      Boundaries.librariesDoNotDependOnServices();

  @ArchTest
  static final ArchRule plainLibrariesDoNotDependOnSpring =
      Boundaries.plainLibrariesDoNotDependOnSpring();

  @ArchTest
  static final ArchRule noOtherService = Boundaries.serviceDoesNotDependOnOtherServices(ROOT);

  /**
   * Two known cycles are allowed, each by naming the one dependency that closes it, so that nothing
   * else can hide behind them and any new cycle fails:
   *
   * <ul>
   *   <li>{@code correlation.AnalysisLoop} runs every kind of analysis job, so it calls the
   *       handlers of attribution, selection and mixture, which reach correlation back through
   *       config;
   *   <li>the features read their settings from {@code config.AnalysisProperties}, in the package
   *       that wires them, whose problem handler maps the exceptions of correlation and imports.
   * </ul>
   */
  @ArchTest
  static final ArchRule noFeatureCycles =
      Boundaries.featuresAreFreeOfCycles(ROOT)
          .ignoreDependency(name(ROOT + ".correlation.AnalysisLoop"), alwaysTrue())
          .ignoreDependency(alwaysTrue(), name(ROOT + ".config.AnalysisProperties"));

  @ArchTest static final ArchRule controllersInWeb = Boundaries.controllersLiveInWebPackages(ROOT);

  @ArchTest static final ArchRule noForeignWeb = Boundaries.noClassUsesAnotherFeaturesWeb(ROOT);

  @ArchTest static final ArchRule noEntityAnswers = Boundaries.controllersReturnNoEntities(ROOT);
}
