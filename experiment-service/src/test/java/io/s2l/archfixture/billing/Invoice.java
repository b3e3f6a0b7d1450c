package io.s2l.archfixture.billing;

import io.s2l.archfixture.orders.Order;
import io.s2l.archfixture.orders.web.OrderView;

/** Knows its order (the other half of the cycle) and uses the orders' web view: a violation. */
public class Invoice {

  Order order;

  OrderView shown;
}
