package org.imhmeasures.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class QuickStartTest {

    @Test
    void run_printsWhatTheReadmePromises() {
        assertEquals("13 moderate caseness=CASE alerts=1", QuickStart.run());
    }
}
