package io.s2l.experiment.callback;

import io.s2l.access.CallbackSecrets;
import io.s2l.access.CallbackTargets;
import io.s2l.study.CallbackUrls;
import io.s2l.study.FieldError;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Whether a study's callback URLs may be called, checked at submission: each against the service's
 * rules ({@link CallbackTargets}), and the submitting key must have a callback secret to sign them
 * with. URLs that are not well formed are left to the study's own validation.
 */
@Component
public class CallbackAdmission {

  private final CallbackTargets targets;
  private final CallbackSecrets secrets;

  CallbackAdmission(CallbackTargets targets, CallbackSecrets secrets) {
    this.targets = targets;
    this.secrets = secrets;
  }

  /** Every reason the callbacks of a study submitted with key {@code keyId} are refused. */
  public List<FieldError> check(List<String> callbacks, long keyId) {
    List<FieldError> errors = new ArrayList<>();
    if (callbacks == null || callbacks.isEmpty()) {
      return errors;
    }
    for (int i = 0; i < callbacks.size(); i++) {
      String url = callbacks.get(i);
      if (CallbackUrls.wellFormed(url)) {
        Optional<String> refusal = targets.refusal(url);
        if (refusal.isPresent()) {
          errors.add(new FieldError("callbacks[" + i + "]", url + ": " + refusal.get()));
        }
      }
    }
    secrets.missing(keyId).ifPresent(why -> errors.add(new FieldError("callbacks", why)));
    return errors;
  }
}
