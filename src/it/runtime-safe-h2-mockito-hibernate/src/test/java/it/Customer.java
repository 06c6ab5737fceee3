package it;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

@Entity
public class Customer {

    @Id
    private Long id;

    private String name;

    @ManyToOne(fetch = FetchType.LAZY)
    private Shop shop;

    protected Customer() {
    }

    public Customer(Long id, String name, Shop shop) {
        this.id = id;
        this.name = name;
        this.shop = shop;
    }

    public Shop getShop() {
        return shop;
    }
}
