package org.verso.boundaryfixtures.newmodulereachesingest.reports;

import org.verso.boundaryfixtures.newmodulereachesingest.ingest.internal.Worker;

/** A new module that reaches into ingest's internals. */
public class Report {
    public String run() {
        return new Worker().work();
    }
}
