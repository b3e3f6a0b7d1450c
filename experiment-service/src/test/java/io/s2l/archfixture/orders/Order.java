package io.s2l.archfixture.orders;

import io.s2l.archfixture.billing.Invoice;
import io.s2l.archfixture.orders.web.OrderView;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** An entity that knows its invoice (half of the cycle) and makes its own view (allowed). */
@Entity
public class Order {

  @Id Long id;

  Invoice invoice;

  public OrderView view() {
    return new OrderView(id);
  }
}
