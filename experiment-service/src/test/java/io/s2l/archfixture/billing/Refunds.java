package io.s2l.archfixture.billing;

import io.s2l.experiment.ExperimentServiceApplication;

/** Calls into the experiment service's code: a violation for a library and a service alike. */
public class Refunds {

  Class<?> service = ExperimentServiceApplication.class;
}
