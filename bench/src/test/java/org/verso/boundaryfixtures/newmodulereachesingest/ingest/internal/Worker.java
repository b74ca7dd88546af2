package org.verso.boundaryfixtures.newmodulereachesingest.ingest.internal;

public class Worker {
    public String work() {
        return "done";
    }
}
