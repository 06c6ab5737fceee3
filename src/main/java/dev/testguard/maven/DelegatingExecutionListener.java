package dev.testguard.maven;

import org.apache.maven.execution.ExecutionEvent;
import org.apache.maven.execution.ExecutionListener;

/** Passes every event to the listener it wraps (none: nothing). */
abstract class DelegatingExecutionListener implements ExecutionListener {

    private final ExecutionListener delegate;

    DelegatingExecutionListener(ExecutionListener delegate) {
        this.delegate = delegate;
    }

    ExecutionListener delegate() {
        return delegate;
    }

    /** Whether {@code listener} or one it wraps is a {@code type} (by class name: another realm's copy counts too). */
    static boolean inChain(ExecutionListener listener, Class<?> type) {
        for (ExecutionListener l = listener; l != null; l = l instanceof DelegatingExecutionListener d ? d.delegate() : null) {
            if (l.getClass().getName().equals(type.getName())) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void projectDiscoveryStarted(ExecutionEvent event) {
        if (delegate != null) {
            delegate.projectDiscoveryStarted(event);
        }
    }

    @Override
    public void sessionStarted(ExecutionEvent event) {
        if (delegate != null) {
            delegate.sessionStarted(event);
        }
    }

    @Override
    public void sessionEnded(ExecutionEvent event) {
        if (delegate != null) {
            delegate.sessionEnded(event);
        }
    }

    @Override
    public void projectSkipped(ExecutionEvent event) {
        if (delegate != null) {
            delegate.projectSkipped(event);
        }
    }

    @Override
    public void projectStarted(ExecutionEvent event) {
        if (delegate != null) {
            delegate.projectStarted(event);
        }
    }

    @Override
    public void projectSucceeded(ExecutionEvent event) {
        if (delegate != null) {
            delegate.projectSucceeded(event);
        }
    }

    @Override
    public void projectFailed(ExecutionEvent event) {
        if (delegate != null) {
            delegate.projectFailed(event);
        }
    }

    @Override
    public void mojoSkipped(ExecutionEvent event) {
        if (delegate != null) {
            delegate.mojoSkipped(event);
        }
    }

    @Override
    public void mojoStarted(ExecutionEvent event) {
        if (delegate != null) {
            delegate.mojoStarted(event);
        }
    }

    @Override
    public void mojoSucceeded(ExecutionEvent event) {
        if (delegate != null) {
            delegate.mojoSucceeded(event);
        }
    }

    @Override
    public void mojoFailed(ExecutionEvent event) {
        if (delegate != null) {
            delegate.mojoFailed(event);
        }
    }

    @Override
    public void forkStarted(ExecutionEvent event) {
        if (delegate != null) {
            delegate.forkStarted(event);
        }
    }

    @Override
    public void forkSucceeded(ExecutionEvent event) {
        if (delegate != null) {
            delegate.forkSucceeded(event);
        }
    }

    @Override
    public void forkFailed(ExecutionEvent event) {
        if (delegate != null) {
            delegate.forkFailed(event);
        }
    }

    @Override
    public void forkedProjectStarted(ExecutionEvent event) {
        if (delegate != null) {
            delegate.forkedProjectStarted(event);
        }
    }

    @Override
    public void forkedProjectSucceeded(ExecutionEvent event) {
        if (delegate != null) {
            delegate.forkedProjectSucceeded(event);
        }
    }

    @Override
    public void forkedProjectFailed(ExecutionEvent event) {
        if (delegate != null) {
            delegate.forkedProjectFailed(event);
        }
    }
}
