import dev.portcullis.impl.password.PasswordConfig;
import dev.portcullis.impl.password.PasswordHasher;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * The time of one password verification with Portcullis' own hasher and its default settings (the
 * sample's: bcrypt, cost 12, HMAC pre-hash with the salt), which is what a sign-in cannot avoid.
 * Run by bench/auth-cost.sh with the sample's libraries on the class path:
 *
 * <pre>java -cp 'sample-war/target/sample/WEB-INF/lib/*' bench/lib/HashCost.java SALT PASSWORD N</pre>
 *
 * Prints the median of N timed verifications in milliseconds, after a few untimed ones.
 */
public final class HashCost {

  public static void main(String[] args) {
    PasswordHasher hasher =
        new PasswordHasher(PasswordConfig.defaults(args[0]), new SecureRandom());
    String password = args[1];
    int samples = Integer.parseInt(args[2]);
    String stored = hasher.hash(password);
    for (int i = 0; i < 3; i++) {
      check(hasher.verify(password, stored).ok());
    }
    double[] millis = new double[samples];
    for (int i = 0; i < samples; i++) {
      long start = System.nanoTime();
      boolean ok = hasher.verify(password, stored).ok();
      millis[i] = (System.nanoTime() - start) / 1e6;
      check(ok);
    }
    Arrays.sort(millis);
    double median =
        samples % 2 == 1
            ? millis[samples / 2]
            : (millis[samples / 2 - 1] + millis[samples / 2]) / 2;
    System.out.printf("%s %.2f%n", stored.substring(0, 7), median);
  }

  private static void check(boolean ok) {
    if (!ok) {
      throw new IllegalStateException("the password did not verify against its own hash");
    }
  }
}
