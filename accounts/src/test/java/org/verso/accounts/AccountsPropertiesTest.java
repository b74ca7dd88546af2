package org.verso.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AccountsPropertiesTest {

    @Test
    void aShortAdminPasswordIsRefusedNamingTheProperty() {
        assertThatThrownBy(() -> new AccountsProperties("short"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("verso.admin-password")
                .hasMessageContaining("12 characters");
    }

    @Test
    void noAdminPasswordMeansAGeneratedOne() {
        assertThat(new AccountsProperties(null).adminPassword()).isNull();
        assertThat(new AccountsProperties("twelve-chars-ok").adminPassword()).isEqualTo("twelve-chars-ok");
    }
}
