package dev.portcullis.impl;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.portcullis.impl.authentication.SessionLogin;
import dev.portcullis.impl.signin.SignIn;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The structure issue 6 asked for, kept by tests (DESIGN §2, §3). */
class ArchitectureTest {

  static JavaClasses engine;

  @BeforeAll
  static void importEngine() {
    engine =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.portcullis.impl");
  }

  @Test
  void packagesWhenImportedThenFreeOfCycles() {
    slices().matching("dev.portcullis.impl.(*)..").should().beFreeOfCycles().check(engine);
  }

  @Test
  void servicesWhenImportedThenFreeOfHttpTypes() {
    noClasses()
        .that()
        .haveSimpleNameEndingWith("Service")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("jakarta.servlet..", "jakarta.ws.rs..")
        .check(engine);
  }

  @Test
  void sessionsWhenEstablishedThenOnlyBySignInPipeline() {
    noClasses()
        .that()
        .doNotBelongToAnyOf(SignIn.class, SessionLogin.class)
        .should()
        .callMethod(
            SessionLogin.class,
            "establish",
            HttpServletRequest.class,
            HttpServletResponse.class,
            dev.portcullis.spi.UserRecord.class,
            boolean.class)
        .check(engine);
  }

  @Test
  void jpaProviderWhenUsedThenOnlyTheAdapterPackageKnowsIt() {
    // Portcullis runs on any JPA provider; names from configuration need a provider hook, kept in
    // one adapter class per provider (impl.jpa).
    noClasses()
        .that()
        .resideOutsideOfPackage("dev.portcullis.impl.jpa")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.eclipse.persistence..", "org.hibernate..")
        .check(engine);
  }

  @Test
  void servletContainerWhenUsedThenOnlyTheUndertowAdapterKnowsIt() {
    // Loaded by Undertow alone (WildFly); on any other server no class may need Undertow.
    noClasses()
        .that()
        .doNotHaveSimpleName("UndertowSameSite")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.undertow..")
        .check(engine);
  }

  @Test
  void mailWhenSentThenOnlyTheSmtpAdapterKnowsJakartaMail() {
    noClasses()
        .that()
        .doNotHaveSimpleName("SmtpMailSender")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("jakarta.mail..")
        .check(engine);
  }

  @Test
  void oneTimeCodesWhenComputedThenOnlyTheirAdapterKnowsAerogear() {
    noClasses()
        .that()
        .doNotHaveSimpleName("OneTimeCodes")
        .and()
        .doNotHaveSimpleName("StoppedClock")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.jboss.aerogear..")
        .check(engine);
  }

  @Test
  void recoveryCodesWhenSealedThenOnlyTheirCipherKnowsFernet() {
    noClasses()
        .that()
        .doNotHaveSimpleName("RecoveryCodeCipher")
        .and()
        .haveNameNotMatching(".*RecoveryCodeCipher\\$.*")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("com.macasaet.fernet..")
        .check(engine);
  }

  @Test
  void qrCodesWhenDrawnThenOnlyTheirAdapterKnowsZxing() {
    noClasses()
        .that()
        .doNotHaveSimpleName("QrCodeImage")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("com.google.zxing..")
        .check(engine);
  }

  @Test
  void phoneNumbersWhenParsedThenOnlyTheirAdapterKnowsLibphonenumber() {
    noClasses()
        .that()
        .doNotHaveSimpleName("PhoneNumbers")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("com.google.i18n.phonenumbers..")
        .check(engine);
  }

  @Test
  void joseWhenSignedOrCheckedThenOnlyItsAdapterKnowsNimbusJoseJwt() {
    noClasses()
        .that()
        .doNotHaveSimpleName("NimbusJose")
        .and()
        .haveNameNotMatching(".*NimbusJose\\$.*")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("com.nimbusds.jose..", "com.nimbusds.jwt..")
        .check(engine);
  }

  @Test
  void oauthWhenSpokenThenOnlyItsAdapterKnowsTheOAuthSdk() {
    noClasses()
        .that()
        .doNotHaveSimpleName("NimbusOAuthClient")
        .and()
        .haveNameNotMatching(".*NimbusOAuthClient\\$.*")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("com.nimbusds.oauth2..", "com.nimbusds.openid..")
        .check(engine);
  }
}
