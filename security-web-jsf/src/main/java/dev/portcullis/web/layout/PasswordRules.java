package dev.portcullis.web.layout;

import dev.portcullis.impl.password.DefaultPasswordPolicy;
import dev.portcullis.impl.password.PasswordConfig;
import dev.portcullis.impl.password.PasswordPolicyConfig;
import dev.portcullis.impl.password.PasswordPolicyConfig.BreachCheck;
import dev.portcullis.impl.password.PasswordPolicyConfig.ComplexityChecker;
import dev.portcullis.spi.PasswordPolicy;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The rules a new password must meet, shown under the new-password fields before the first try
 * (issue 13, item 4), in the request's language: its length ({@code security.password_length_min},
 * at most 128), and when configured that it is hard to guess ({@code
 * security.password_complexity_checker=zxcvbn}) and not in breach lists ({@code
 * security.password_check_breached}). These are the rules of {@link DefaultPasswordPolicy}; an
 * application that replaces the {@link PasswordPolicy} has rules Portcullis cannot describe, so
 * then none are shown.
 */
@Named("portcullisPasswordRules")
@ApplicationScoped
public class PasswordRules {

  @Inject PasswordConfig passwords;
  @Inject PasswordPolicyConfig policy;
  @Inject PageTexts texts;
  @Inject BeanManager beans;

  private boolean describable;

  @PostConstruct
  void findPolicy() {
    Bean<?> chosen = beans.resolve(beans.getBeans(PasswordPolicy.class));
    describable = chosen != null && chosen.getBeanClass() == DefaultPasswordPolicy.class;
  }

  /** The rules, one sentence each; empty when the password policy is the application's own. */
  public List<String> getList() {
    if (!describable) {
      return List.of();
    }
    List<String> rules = new ArrayList<>();
    rules.add(
        texts.text(
            "page.password_rules.length",
            Map.of("min", passwords.lengthMin(), "max", passwords.lengthMax())));
    if (policy.complexityChecker() == ComplexityChecker.ZXCVBN) {
      rules.add(texts.get("page.password_rules.complexity"));
    }
    if (policy.breachCheck() != BreachCheck.OFF) {
      rules.add(texts.get("page.password_rules.breached"));
    }
    return rules;
  }
}
