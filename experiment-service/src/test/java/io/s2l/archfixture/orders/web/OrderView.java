package io.s2l.archfixture.orders.web;

/** What the orders API shows of an order. */
public record OrderView(Long id) {}
