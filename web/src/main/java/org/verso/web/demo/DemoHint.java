package org.verso.web.demo;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Tells the sign-in page that this is the demo library, whose users' passwords are in the start-up log. */
@ControllerAdvice(basePackages = "org.verso.web.shell")
class DemoHint {
    private final boolean demo;

    DemoHint(DemoProperties properties) {
        this.demo = properties.demo();
    }

    @ModelAttribute("demoLibrary")
    boolean demoLibrary() {
        return demo;
    }
}
