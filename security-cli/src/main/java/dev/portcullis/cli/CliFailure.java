package dev.portcullis.cli;

/**
 * An operation that cannot be done as asked (unknown user, duplicate, password refused): the
 * message is printed and the CLI exits with status 1. Nothing has been written when it is thrown.
 */
final class CliFailure extends RuntimeException {

  private static final long serialVersionUID = 1L;

  CliFailure(String message) {
    super(message, null, false, false);
  }
}
