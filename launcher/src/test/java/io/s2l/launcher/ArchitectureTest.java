package io.s2l.launcher;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.s2l.testsupport.arch.Boundaries;

/**
 * The boundaries of the command line: it starts the services as processes and talks to them over
 * HTTP, so it uses none of their code, and its packages (cli, demo, platform) form no cycle.
 */
@AnalyzeClasses(packages = "io.s2l", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  private static final String ROOT = "io.s2l.launcher";

  @ArchTest
  static final ArchRule librariesDoNotDependOnServices =
      Boundaries.librariesDoNotDependOnServices();

  @ArchTest
  static final ArchRule plainLibrariesDoNotDependOnSpring =
      Boundaries.plainLibrariesDoNotDependOnSpring();

  @ArchTest static final ArchRule noService = Boundaries.serviceDoesNotDependOnOtherServices(ROOT);

  @ArchTest static final ArchRule noPackageCycles = Boundaries.featuresAreFreeOfCycles(ROOT);
}
