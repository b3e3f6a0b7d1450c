package io.s2l.experiment.callback;

/**
 * A callback job whose event the study's owning key did not produce: it is never signed nor sent.
 */
class ForgedCallbackException extends RuntimeException {

  ForgedCallbackException(String message) {
    super(message);
  }
}
