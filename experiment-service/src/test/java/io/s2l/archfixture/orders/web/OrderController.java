package io.s2l.archfixture.orders.web;

import io.s2l.archfixture.orders.Order;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Answers with entities inside a list: a rule violation. */
@RestController
public class OrderController {

  @GetMapping("/orders")
  public List<Order> orders() {
    return List.of();
  }

  @GetMapping("/orders/first")
  public OrderView first() {
    return new OrderView(1L);
  }
}
