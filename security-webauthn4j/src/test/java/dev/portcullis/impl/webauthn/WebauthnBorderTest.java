package dev.portcullis.impl.webauthn;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** DESIGN §3, one adapter per library: only the adapter names webauthn4j or its Jackson 3. */
class WebauthnBorderTest {

  @Test
  void portcullisClassesWhenImportedThenOnlyTheAdapterKnowsWebauthn4jAndJackson3() {
    JavaClasses portcullis =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.portcullis");

    noClasses()
        .that()
        .doNotHaveSimpleName("Webauthn4jRelyingParty")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("com.webauthn4j..", "tools.jackson..", "dev.portcullis.shaded..")
        .check(portcullis);
  }
}
