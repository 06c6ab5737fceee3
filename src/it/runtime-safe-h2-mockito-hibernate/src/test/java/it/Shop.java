package it;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

@Entity
public class Shop {

    @Id
    private Long id;

    private String name;

    protected Shop() {
    }

    public Shop(Long id, String name) {
        this.id = id;
        this.name = name;
    }

    public String getName() {
        return name;
    }
}
