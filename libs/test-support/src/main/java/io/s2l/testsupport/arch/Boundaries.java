package io.s2l.testsupport.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceRule;
import java.util.Arrays;
import java.util.List;

/**
 * The module and package boundaries of the platform, as ArchUnit rules. Each service checks them
 * over the classes it can see: its own and those of the libraries it is built with (the launcher
 * runs the services as processes and sees none of their classes, so no single module sees all).
 */
public final class Boundaries {

  /** The packages of the deployables: the three services and the command line. */
  public static final String[] SERVICES = {
    "io.s2l.experiment..", "io.s2l.analysis..", "io.s2l.worker..", "io.s2l.launcher.."
  };

  /** The libraries that are plain Java: statistics, models, plots, study definitions, the queue. */
  public static final List<String> PLAIN_LIBRARIES =
      List.of(
          "scale-stats",
          "attribution-core",
          "featurize-core",
          "mixture-core",
          "lm-core",
          "classifier-core",
          "study-core",
          "plots",
          "job-queue");

  static final String REST_CONTROLLER = "org.springframework.web.bind.annotation.RestController";
  static final String ENTITY = "jakarta.persistence.Entity";

  private Boundaries() {}

  /** No class outside the services' packages (every library) uses a service's classes. */
  public static ArchRule librariesDoNotDependOnServices() {
    return noClasses()
        .that()
        .resideInAPackage("io.s2l..")
        .and()
        .resideOutsideOfPackages(SERVICES)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(SERVICES)
        .because("libraries are shared by the services and know none of them");
  }

  /**
   * The plain libraries never use Spring. A library is known by the module it is built in, not by
   * its package, so a Spring adapter module next to a plain library keeps its own rules.
   */
  public static ArchRule plainLibrariesDoNotDependOnSpring() {
    return noClasses()
        .that(Modules.builtIn(PLAIN_LIBRARIES))
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.springframework..")
        .because("statistics, models and the queue run without a container, in tests and tools");
  }

  /** A service (root package such as {@code io.s2l.experiment}) uses no other service. */
  public static ArchRule serviceDoesNotDependOnOtherServices(String root) {
    String own = root + "..";
    String[] others = Arrays.stream(SERVICES).filter(s -> !s.equals(own)).toArray(String[]::new);
    return noClasses()
        .that()
        .resideInAPackage(own)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(others)
        .because("services talk through the database and HTTP, never through each other's code");
  }

  /**
   * The feature packages of a service (its first-level packages) form no cycle. A service with
   * known cycles names each dependency it still allows with {@link SliceRule#ignoreDependency}.
   */
  public static SliceRule featuresAreFreeOfCycles(String root) {
    return slices().matching(root + ".(*)..").namingSlices("feature $1").should().beFreeOfCycles();
  }

  /** Controllers live in a {@code web} package of their feature. */
  public static ArchRule controllersLiveInWebPackages(String root) {
    return classes()
        .that()
        .resideInAPackage(root + "..")
        .and()
        .areMetaAnnotatedWith(REST_CONTROLLER)
        .should()
        .resideInAPackage("..web..")
        .because("the HTTP adapter of a feature is found in one place, its web package");
  }

  /**
   * Outside the web packages, no class of a service uses the web classes of another feature: what
   * features share lives beside their domain, not in an HTTP adapter.
   */
  public static ArchRule noClassUsesAnotherFeaturesWeb(String root) {
    return noClasses()
        .that()
        .resideInAPackage(root + "..")
        .and()
        .resideOutsideOfPackage("..web..")
        .should(Features.useTheWebClassesOfAnotherFeature(root));
  }

  /** No controller method returns a JPA entity, bare or inside a type such as a page or list. */
  public static ArchRule controllersReturnNoEntities(String root) {
    return methods()
        .that()
        .areDeclaredInClassesThat()
        .resideInAPackage(root + "..")
        .and()
        .areDeclaredInClassesThat()
        .areMetaAnnotatedWith(REST_CONTROLLER)
        .should(Features.notReturnAnEntity())
        .because("the stored form of an aggregate is no API: controllers answer with views");
  }

  /** The classes of the given Maven modules. */
  static final class Modules {

    private Modules() {}

    static DescribedPredicate<JavaClass> builtIn(List<String> modules) {
      return DescribedPredicate.describe(
          "are built in " + modules, c -> modules.stream().anyMatch(m -> builtIn(c, m)));
    }

    /**
     * Whether a class was loaded from a module's output: {@code libs/<module>/target/...} in a
     * build of the repository, {@code io/s2l/<module>/<version>/...} from a Maven repository.
     */
    static boolean builtIn(JavaClass c, String module) {
      return c.getSource()
          .map(s -> s.getUri().toString())
          .map(
              uri ->
                  uri.contains("/libs/" + module + "/") || uri.contains("/io/s2l/" + module + "/"))
          .orElse(false);
    }
  }
}
