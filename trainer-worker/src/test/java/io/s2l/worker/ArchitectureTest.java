package io.s2l.worker;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.s2l.testsupport.arch.Boundaries;

/**
 * The boundaries of the trainer worker, and those of the libraries it is built with (language
 * models, image classifiers, featurisation, the queue), over their compiled classes. The worker
 * serves no API of its own, so the controller rules of the other services do not apply.
 */
@AnalyzeClasses(packages = "io.s2l", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  private static final String ROOT = "io.s2l.worker";

  @ArchTest
  static final ArchRule librariesDoNotDependOnServices =
      Boundaries.librariesDoNotDependOnServices();

  @ArchTest
  static final ArchRule plainLibrariesDoNotDependOnSpring =
      Boundaries.plainLibrariesDoNotDependOnSpring();

  @ArchTest
  static final ArchRule noOtherService = Boundaries.serviceDoesNotDependOnOtherServices(ROOT);

  @ArchTest static final ArchRule noFeatureCycles = Boundaries.featuresAreFreeOfCycles(ROOT);

  @ArchTest static final ArchRule noForeignWeb = Boundaries.noClassUsesAnotherFeaturesWeb(ROOT);
}
