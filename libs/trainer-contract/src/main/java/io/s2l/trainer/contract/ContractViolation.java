package io.s2l.trainer.contract;

/**
 * A trainer broke the contract: its message is the reason an attempt fails, worded as
 * docs/trainer-contract.md section 4 says (it names the file, line, set, example, column or path).
 */
public final class ContractViolation extends Exception {

  public ContractViolation(String reason) {
    super(reason);
  }

  public ContractViolation(String reason, Throwable cause) {
    super(reason, cause);
  }
}
