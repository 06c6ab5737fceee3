package shop;

/** The module's one class: the table the clean-up test empties. */
public final class Shop {

    public static final String CUSTOMERS = "customers";

    private Shop() {
    }
}
