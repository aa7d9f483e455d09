# docker-machine wrapper for fish (jmachine)
#
# Makes `docker-machine use NAME` switch the current shell to machine NAME, and `use -u` switch
# it back: it sources `docker-machine env` in the shell itself, which no program can do for its
# shell. Source it from ~/.config/fish/config.fish. Setting DOCKER_MACHINE_WRAPPED=false before
# keeps the docker-machine function undefined (call __docker_machine_wrapper yourself then).

set -q DOCKER_MACHINE_WRAPPED; or set -g DOCKER_MACHINE_WRAPPED true

function __docker_machine_wrapper --description 'docker-machine, with `use NAME` for this shell'
    # global flags (docker-machine -s PATH use NAME) are passed on to env
    set -l n 0
    set -l skip false
    for arg in $argv
        if test $skip = true
            set skip false
        else
            switch $arg
                case @GLOBAL_VALUE_FLAGS@
                    set skip true
                case '-*'
                case '*'
                    break
            end
        end
        set n (math $n + 1)
    end
    set -l verb (math $n + 1)
    if test (count $argv) -lt $verb; or test "$argv[$verb]" != use
        command docker-machine $argv
        return
    end
    set -l globals
    test $n -gt 0; and set globals $argv[1..$n]
    set -l rest
    test (count $argv) -gt $verb; and set rest $argv[(math $verb + 1)..-1]
    switch "$rest[1]"
        case -h --help -help ''
            printf '%s\n' @USE_HELP_LINES@
        case '*'
            set -l script (command docker-machine $globals env --shell fish $rest); or return
            printf '%s\n' $script | source
            test -n "$DOCKER_MACHINE_NAME"; and echo "Active machine: $DOCKER_MACHINE_NAME"
            return 0
    end
end

if test "$DOCKER_MACHINE_WRAPPED" = true
    function docker-machine --description 'docker-machine, with `use NAME` for this shell'
        __docker_machine_wrapper $argv
    end
end
