package dev.portcullis.sample.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.sample.support.ApiClient.Reply;
import dev.portcullis.sample.support.OpenApiContract.Exchanges;
import dev.portcullis.sample.support.OpenApiContract.Operation;
import java.net.URL;
import java.util.List;
import java.util.Map;

/**
 * Answers every operation of the served document gives for the same reason, driven from the
 * document itself: an endpoint a later feature adds to it is swept without new test code.
 */
public final class ContractSweeps {

  /** The value of path parameters: no real token. */
  public static final String BOGUS_TOKEN = "not-a-real-token";

  private final OpenApiContract contract;
  private final URL base;
  private final SampleAccounts accounts;
  private final Map<String, String> pathValues;

  /** Every path parameter {@link #BOGUS_TOKEN}. */
  public ContractSweeps(OpenApiContract contract, URL base) {
    this(contract, base, Map.of());
  }

  /**
   * Path parameters named in {@code pathValues} get that value (e.g. a configured OAuth provider's
   * {@code name}, so its operations are reached, not answered 404), the others {@link
   * #BOGUS_TOKEN}.
   */
  public ContractSweeps(OpenApiContract contract, URL base, Map<String, String> pathValues) {
    this.contract = contract;
    this.base = base;
    this.accounts = new SampleAccounts(base);
    this.pathValues = Map.copyOf(pathValues);
  }

  /**
   * Every operation documenting 302, asked by a browser (a GET, or a form post with a CSRF token
   * and otherwise empty), is redirected.
   */
  public void browserRedirects() {
    for (Operation operation : documenting("302")) {
      ApiClient browser = new ApiClient(base);
      String path = operation.concrete(pathValues, BOGUS_TOKEN);
      Exchanges exchanges = contract.answers(browser);
      Reply reply =
          operation.method().equals("GET")
              ? exchanges.get(path, "Accept", "text/html")
              : exchanges.postForm(
                  path, "csrf_token=" + browser.csrfToken(), "Accept", "text/html");
      assertThat(reply.status()).as(operation.method() + " " + path).isEqualTo(302);
    }
  }

  /** Every operation documenting 401 answers it to a JSON client without credentials. */
  public void unauthenticated() {
    for (Operation operation : documenting("401")) {
      Exchanges anonymous = contract.answers(new ApiClient(base));
      String path = operation.concrete(pathValues, BOGUS_TOKEN);
      Reply reply =
          operation.method().equals("GET")
              ? anonymous.get(path, "Accept", "application/json")
              : anonymous.postJson(path, "{}");
      assertThat(reply.status()).as(operation.method() + " " + path).isEqualTo(401);
    }
  }

  /**
   * Every operation documenting 413 answers it to a body over {@code security.max_request_bytes},
   * and 400 to malformed JSON; authenticated ones are called with an auth token (no CSRF needed),
   * the others with a CSRF token.
   */
  public void unreadableBodies(String tokenOwner) {
    String tooLarge = Bodies.email("x".repeat(70_000) + "@example.com");
    String token = accounts.token(tokenOwner);
    for (Operation operation : documenting("413")) {
      String path = operation.concrete(pathValues, BOGUS_TOKEN);
      ApiClient caller = new ApiClient(base);
      String[] credentials =
          operation.authenticated()
              ? new String[] {"Authentication-Token", token}
              : new String[] {"X-CSRF-Token", caller.csrfToken()};
      Exchanges exchanges = contract.answers(caller);
      assertThat(exchanges.postJson(path, tooLarge, credentials).status()).as(path).isEqualTo(413);
      assertThat(exchanges.postJson(path, "{\"email\":", credentials).status())
          .as(path)
          .isEqualTo(400);
    }
  }

  private List<Operation> documenting(String status) {
    List<Operation> operations = contract.operations(status);
    assertThat(operations).as("operations documenting %s", status).isNotEmpty();
    return operations;
  }
}
