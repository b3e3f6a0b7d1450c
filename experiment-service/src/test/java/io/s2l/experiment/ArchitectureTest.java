package io.s2l.experiment;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.s2l.testsupport.arch.Boundaries;

/**
 * The boundaries of the experiment service, and those of the libraries it is built with (study
 * definitions, corpora, the queue, access), checked over their compiled classes.
 */
@AnalyzeClasses(packages = "io.s2l", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  private static final String ROOT = "io.s2l.experiment";

  @ArchTest
  static final ArchRule librariesDoNotDependOnServices =
      Boundaries.librariesDoNotDependOnServices();

  @ArchTest
  static final ArchRule plainLibrariesDoNotDependOnSpring =
      Boundaries.plainLibrariesDoNotDependOnSpring();

  @ArchTest
  static final ArchRule noOtherService = Boundaries.serviceDoesNotDependOnOtherServices(ROOT);

  @ArchTest static final ArchRule noFeatureCycles = Boundaries.featuresAreFreeOfCycles(ROOT);

  @ArchTest static final ArchRule controllersInWeb = Boundaries.controllersLiveInWebPackages(ROOT);

  @ArchTest static final ArchRule noForeignWeb = Boundaries.noClassUsesAnotherFeaturesWeb(ROOT);

  @ArchTest static final ArchRule noEntityAnswers = Boundaries.controllersReturnNoEntities(ROOT);
}
