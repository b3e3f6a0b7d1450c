package io.s2l.study;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CallbackUrlsTest {

  private static List<FieldError> errors(String... urls) {
    List<FieldError> errors = new ArrayList<>();
    CallbackUrls.validate(Arrays.asList(urls), errors);
    return errors;
  }

  @Test
  void absoluteHttpAndHttpsUrlsWithAHostPass() {
    assertThat(errors("https://hooks.example.com/s2l?team=a", "http://10.0.0.1:8080/x")).isEmpty();
    List<FieldError> none = new ArrayList<>();
    CallbackUrls.validate(null, none);
    assertThat(none).isEmpty();
  }

  @Test
  void eachBadUrlIsNamedByItsIndexWithTheReason() {
    List<FieldError> errors =
        errors(
            "ftp://example.com/",
            "/relative",
            "https://user:pw@example.com/",
            "https://example.com/#frag");
    assertThat(errors)
        .extracting(FieldError::field)
        .containsExactly("callbacks[0]", "callbacks[1]", "callbacks[2]", "callbacks[3]");
    assertThat(errors.get(0).reason())
        .isEqualTo("ftp://example.com/: must be an absolute http or https URL");
    assertThat(errors.get(1).reason()).contains("absolute http or https");
    assertThat(errors.get(2).reason()).contains("user information");
    assertThat(errors.get(3).reason()).contains("fragment");

    List<FieldError> more =
        errors(
            "https://exa mple.com/",
            "https:///no-host",
            null,
            "https://example.com/" + "a".repeat(StudyLimits.MAX_CALLBACK_URL_LENGTH));
    assertThat(more)
        .extracting(FieldError::field)
        .containsExactly("callbacks[0]", "callbacks[1]", "callbacks[2]", "callbacks[3]");
    assertThat(more.get(0).reason()).contains("not a URL");
    assertThat(more.get(1).reason()).contains("must name a host");
    assertThat(more.get(2).reason()).isEqualTo("must not be null");
    assertThat(more.get(3).reason()).contains("at most 2048 characters");
  }

  @Test
  void tooManyOrRepeatedUrlsAreRefused() {
    String[] five = new String[StudyLimits.MAX_CALLBACKS + 1];
    Arrays.setAll(five, i -> "https://example.com/" + i);
    assertThat(errors(five))
        .containsExactly(new FieldError("callbacks", "at most 4 callback URLs"));
    assertThat(errors("https://example.com/a", "https://example.com/a"))
        .containsExactly(new FieldError("callbacks[1]", "duplicate callback URL"));
  }

  @Test
  void theValidatorChecksTheCallbacksOfAStudy() {
    StudyDefinition valid = StudyValidatorTest.valid();
    StudyDefinition withCallbacks =
        new StudyDefinition(
            valid.name(),
            valid.dataset(),
            valid.distributions(),
            valid.generated(),
            valid.scales(),
            valid.referenceScale(),
            valid.tokensPerParam(),
            valid.seeds(),
            valid.evalSets(),
            valid.training(),
            null,
            null,
            null,
            null,
            List.of("gopher://example.com/"));
    assertThat(new StudyValidator(StudyValidatorTest.CATALOG).validate(withCallbacks))
        .extracting(FieldError::field)
        .containsExactly("callbacks[0]");
  }

  /** An import names its URLs in a repeated query parameter, so its errors name that. */
  @Test
  void theCheckOfAnotherFieldNamesThatField() {
    assertThat(CallbackUrls.check("callback", List.of("https://a.example/", "https://a.example/")))
        .containsExactly(new FieldError("callback[1]", "duplicate callback URL"));
    assertThat(CallbackUrls.check("callback", List.of("a", "b", "c", "d", "e")))
        .containsExactly(new FieldError("callback", "at most 4 callback URLs"));
    assertThat(CallbackUrls.check("callback", null)).isEmpty();
  }
}
