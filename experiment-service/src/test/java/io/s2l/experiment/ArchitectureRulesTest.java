package io.s2l.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import io.s2l.testsupport.arch.Boundaries;
import org.junit.jupiter.api.Test;

/**
 * The architecture rules fail where they should: each is run over {@code io.s2l.archfixture}, a
 * small service of two features that breaks it, and must name the class that does.
 */
class ArchitectureRulesTest {

  private static final String ROOT = "io.s2l.archfixture";
  private static final JavaClasses FIXTURE = new ClassFileImporter().importPackages(ROOT);

  @Test
  void aCycleBetweenFeaturesFails() {
    assertThat(violations(Boundaries.featuresAreFreeOfCycles(ROOT)))
        .contains("feature billing")
        .contains("feature orders");
  }

  @Test
  void aControllerOutsideAWebPackageFails() {
    String report = violations(Boundaries.controllersLiveInWebPackages(ROOT));
    assertThat(report).contains("BillingController").doesNotContain("OrderController");
  }

  @Test
  void usingAnotherFeaturesWebClassFailsAndUsingOnesOwnDoesNot() {
    String report = violations(Boundaries.noClassUsesAnotherFeaturesWeb(ROOT));
    assertThat(report).contains("Invoice").doesNotContain("Order.view()");
  }

  @Test
  void answeringWithAnEntityFailsEvenInsideAList() {
    String report = violations(Boundaries.controllersReturnNoEntities(ROOT));
    assertThat(report).contains("OrderController.orders()").doesNotContain("first()");
  }

  @Test
  void usingAServiceFromAnotherServiceOrALibraryFails() {
    assertThat(violations(Boundaries.serviceDoesNotDependOnOtherServices(ROOT)))
        .contains("Refunds")
        .doesNotContain("Invoice");
    assertThat(violations(Boundaries.librariesDoNotDependOnServices())).contains("Refunds");
  }

  private static String violations(ArchRule rule) {
    EvaluationResult result = rule.evaluate(FIXTURE);
    assertThat(result.hasViolation()).as(rule.getDescription()).isTrue();
    return String.join("\n", result.getFailureReport().getDetails());
  }
}
