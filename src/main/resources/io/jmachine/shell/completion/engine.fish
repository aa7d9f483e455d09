# ---------------------------------------------------------------------------------------------
# The completion logic. It never starts docker-machine (a JVM): machine names are the folders of
# the store the completed command line would use.

# `-storage-path` is Go's spelling of `--storage-path`.
function __docker_machine_long --argument-names flag
    if string match -qr -- '^-[^-].' $flag
        echo -- -$flag
    else
        echo -- $flag
    end
end

# Whether a token is a flag of verb $argv[1] ('' for global) whose value is the next token.
function __docker_machine_takes_value --argument-names verb token
    string match -q -- '*=*' $token; and return 1
    set -l flag (__docker_machine_long $token)
    __docker_machine_value "$verb" $flag >/dev/null; and return 0
    test "$verb" = create; or return 1
    __docker_machine_driver_value (__docker_machine_driver) $flag >/dev/null
end

# Prints the verb of the command line and its position among the tokens; fails without one.
function __docker_machine_parse
    set -l tokens (commandline -opc)
    set -l i 2
    while test $i -le (count $tokens)
        set -l token $tokens[$i]
        if string match -q -- '-*' $token
            __docker_machine_takes_value '' $token; and set i (math $i + 1)
        else
            echo $token
            echo $i
            return 0
        end
        set i (math $i + 1)
    end
    return 1
end

function __docker_machine_no_verb
    not __docker_machine_parse >/dev/null
end

function __docker_machine_using --argument-names verb
    set -l parsed (__docker_machine_parse); or return 1
    test "$parsed[1]" = "$verb"
end

# The store folder of the command line: -s/--storage-path before the verb, else
# $MACHINE_STORAGE_PATH, else ~/.docker/machine.
function __docker_machine_store
    set -l tokens (commandline -opc)
    set -l store $MACHINE_STORAGE_PATH
    test -n "$store"; or set store $HOME/.docker/machine
    set -l i 2
    while test $i -le (count $tokens)
        set -l token $tokens[$i]
        switch $token
            case -s --storage-path -storage-path
                set i (math $i + 1)
                test $i -le (count $tokens); and set store $tokens[$i]
            case '-s=*' '--storage-path=*' '-storage-path=*'
                set store (string replace -r -- '^[^=]*=' '' $token)
            case '-*'
                __docker_machine_takes_value '' $token; and set i (math $i + 1)
            case '*'
                break
        end
        set i (math $i + 1)
    end
    string replace -r -- '^~(?=/|$)' $HOME $store
end

# The machine names in the store, as `docker-machine ls -q` lists them.
function __docker_machine_machines
    set -l store (__docker_machine_store)
    for dir in $store/machines/*/
        string replace -r -- '.*/([^/]+)/$' '$1' $dir | string match -r -- '^[a-zA-Z0-9][a-zA-Z0-9.-]*$'
    end
end

# The driver of the create command line: --driver/-d, else $MACHINE_DRIVER, else the default.
function __docker_machine_driver
    set -l tokens (commandline -opc) (commandline -ct)
    set -l driver $MACHINE_DRIVER
    test -n "$driver"; or set driver $__docker_machine_default_driver
    set -l i 2
    while test $i -lt (count $tokens)
        switch $tokens[$i]
            case -d --driver -driver
                set i (math $i + 1)
                set driver $tokens[$i]
            case '-d=*' '--driver=*' '-driver=*'
                set driver (string replace -r -- '^[^=]*=' '' $tokens[$i])
        end
        set i (math $i + 1)
    end
    echo -- $driver
end

function __docker_machine_driver_is --argument-names driver
    test (__docker_machine_driver) = "$driver"
end

# ls --filter: KEY= first, then KEY=VALUE with the values of that key.
function __docker_machine_filter_candidates
    set -l token (string replace -r -- '^--filter=' '' (commandline -ct))
    if not string match -q -- '*=*' $token
        printf '%s=\n' $__docker_machine_filter_keys
        return
    end
    set -l key (string split -m 1 = -- $token)[1]
    switch $key
        case driver
            printf 'driver=%s\n' $__docker_machine_drivers
        case state
            printf 'state=%s\n' $__docker_machine_states
        case name swarm
            for machine in (__docker_machine_machines)
                echo $key=$machine
            end
    end
end

# machine: for scp and mount, after a `user@` the token may start with.
function __docker_machine_remote_machines
    set -l token (commandline -ct)
    set -l user
    string match -q -- '*@*' $token; and set user (string split -m 1 @ -- $token)[1]@
    for machine in (__docker_machine_machines)
        printf '%s%s:\tmachine\n' $user $machine
    end
end

# The candidates for the positional argument being completed.
function __docker_machine_arguments
    set -l parsed (__docker_machine_parse); or return
    set -l verb $parsed[1]
    set -l tokens (commandline -opc)
    set -l count 0
    set -l i (math $parsed[2] + 1)
    set -l dashdash
    while test $i -le (count $tokens)
        set -l token $tokens[$i]
        if test $verb = ssh
            # flags are not parsed after ssh: all is machine and remote command, but a first --help
            if test $i -ne (math $parsed[2] + 1); or not contains -- $token --help -h
                set count (math $count + 1)
            end
        else if test -z "$dashdash"; and test "x$token" = x--
            set dashdash 1
        else if test -z "$dashdash"; and string match -q -- '-?*' $token
            __docker_machine_takes_value $verb $token; and set i (math $i + 1)
        else
            set count (math $count + 1)
        end
        set i (math $i + 1)
    end
    set -l kind (__docker_machine_args $verb)
    switch $kind
        case machines
            __docker_machine_machines
        case machine ssh
            test $count -eq 0; and __docker_machine_machines
        case verb
            test $count -eq 0; and printf '%s\n' $__docker_machine_verbs
        case 'words:*'
            test $count -eq 0; and string split ' ' -- (string replace 'words:' '' -- $kind)
        case scp
            test $count -lt 2; or return
            string match -q -- '*:*' (commandline -ct); and return
            __docker_machine_remote_machines
            __fish_complete_path (commandline -ct)
        case mount
            if test $count -eq 0
                string match -q -- '*:*' (commandline -ct); or __docker_machine_remote_machines
            else if test $count -eq 1
                __fish_complete_directories (commandline -ct)
            end
    end
end

complete -c docker-machine -f
complete -c docker-machine -n 'not __docker_machine_no_verb' -a '(__docker_machine_arguments)'
