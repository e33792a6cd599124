package dev.portcullis.spi;

/**
 * A user attribute that can identify a user (Flask-Security's {@code USER_IDENTITY_ATTRIBUTES}).
 *
 * <pre>{@code
 * userStore.findByIdentity(IdentityAttribute.EMAIL, "Ann@Example.com", true);
 * }</pre>
 */
public enum IdentityAttribute {
  /** The {@code email} column. */
  EMAIL("email"),
  /** The {@code username} column. */
  USERNAME("username"),
  /** The {@code us_phone_number} column (unified sign-in SMS). */
  US_PHONE_NUMBER("us_phone_number");

  private final String attributeName;

  IdentityAttribute(String attributeName) {
    this.attributeName = attributeName;
  }

  /** The Flask-Security attribute name, e.g. {@code email}. */
  public String attributeName() {
    return attributeName;
  }

  /**
   * Parses a Flask-Security attribute name.
   *
   * @throws IllegalArgumentException for an unknown name
   */
  public static IdentityAttribute ofAttributeName(String name) {
    for (IdentityAttribute attribute : values()) {
      if (attribute.attributeName.equals(name)) {
        return attribute;
      }
    }
    throw new IllegalArgumentException("Unknown identity attribute: " + name);
  }
}
