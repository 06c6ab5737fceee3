package it;

/** Final, with a static method: only Mockito's inline mock maker can stub these. */
public final class Prices {

    public static int taxPercent() {
        return 20;
    }

    public int withTax(int net) {
        return net * (100 + taxPercent()) / 100;
    }
}
