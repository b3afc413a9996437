package org.paydesk.adapters.persistence.cart;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A row of {@code merchant_setting}: one setting an Admin changes at run time, by name. The value may be empty,
 * which Oracle reads back as NULL.
 */
@Entity
@Table(name = "merchant_setting")
class MerchantSettingEntity {

    @Id
    @Column(name = "setting_name", nullable = false, updatable = false, length = 100)
    private String name;

    @Column(name = "setting_value", length = 1000)
    private String value;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected MerchantSettingEntity() {
    }

    MerchantSettingEntity(String name, String value) {
        this.name = name;
        this.value = value;
    }

    void change(String newValue) {
        this.value = newValue;
    }

    String name() {
        return name;
    }

    String value() {
        return value;
    }
}
