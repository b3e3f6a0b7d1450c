package io.s2l.archfixture.billing;

import org.springframework.web.bind.annotation.RestController;

/** A controller outside a web package: a violation. */
@RestController
public class BillingController {}
