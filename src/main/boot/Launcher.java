package org.kinbridge.boot;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

/**
 * Entry point of kinbridge.jar: maps our settings onto Payara Micro's, then starts it.
 * {@code KINBRIDGE_PORT} becomes {@code --port}; {@code --demo} becomes the {@code kinbridge.demo} setting.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) throws Exception {
        List<String> payaraArgs = new ArrayList<>();
        boolean portGiven = false;
        for (String arg : args) {
            if (arg.equals("--demo")) {
                System.setProperty("kinbridge.demo", "true");
            } else {
                portGiven |= arg.equals("--port");
                payaraArgs.add(arg);
            }
        }
        String port = System.getenv("KINBRIDGE_PORT");
        if (port == null || port.isBlank()) {
            port = System.getProperty("kinbridge.port", "8080");
        }
        System.setProperty("kinbridge.port", port.trim());
        if (!portGiven) {
            payaraArgs.add("--port");
            payaraArgs.add(port.trim());
        }
        String payaraMain = System.getProperty("kinbridge.payara.main", "@PAYARA_MAIN@");
        Method main = Class.forName(payaraMain).getMethod("main", String[].class);
        main.invoke(null, (Object) payaraArgs.toArray(new String[0]));
    }
}
