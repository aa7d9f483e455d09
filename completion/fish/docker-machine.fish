# fish completion for docker-machine (jmachine)
#
# Generated from jmachine's command model by `docker-machine completion fish`: do not
# edit. Install it as ~/.config/fish/completions/docker-machine.fish, or
# `docker-machine completion fish | source`.
# DOCKER_MACHINE_WRAPPED=true (set by the wrapper function) adds the `use` verb.

set -g __docker_machine_verbs active completion config create env inspect ip kill ls provision regenerate-certs restart rm ssh scp mount start status stop upgrade url version help
set -g __docker_machine_drivers amazonec2 digitalocean generic none nspawn
set -g __docker_machine_default_driver 'virtualbox'
set -g __docker_machine_shells bash cmd csh emacs fish ksh powershell pwsh sh tcsh zsh
set -g __docker_machine_filter_keys driver label name state swarm
set -g __docker_machine_states Error Paused Running Saved Starting Stopped Stopping Timeout

# Prints how the value of flag $argv[2] of verb $argv[1] ('' for global flags) completes;
# fails when the flag takes no value.
function __docker_machine_value
    switch "$argv[1] $argv[2]"
        case ' --bugsnag-api-token'
            echo any
        case ' --github-api-token'
            echo any
        case ' --storage-path' ' -s'
            echo directory
        case ' --tls-ca-cert'
            echo file
        case ' --tls-ca-key'
            echo file
        case ' --tls-client-cert'
            echo file
        case ' --tls-client-key'
            echo file
        case 'active --timeout' 'active -t'
            echo any
        case 'create --driver' 'create -d'
            echo driver
        case 'create --engine-env'
            echo any
        case 'create --engine-insecure-registry'
            echo any
        case 'create --engine-install-strategy'
            echo any
        case 'create --engine-install-url'
            echo any
        case 'create --engine-label'
            echo any
        case 'create --engine-opt'
            echo any
        case 'create --engine-registry-mirror'
            echo any
        case 'create --engine-storage-driver'
            echo words
        case 'create --swarm-addr'
            echo any
        case 'create --swarm-discovery'
            echo any
        case 'create --swarm-host'
            echo any
        case 'create --swarm-image'
            echo any
        case 'create --swarm-join-opt'
            echo any
        case 'create --swarm-opt'
            echo any
        case 'create --swarm-strategy'
            echo words
        case 'create --tls-san'
            echo any
        case 'env --shell'
            echo shell
        case 'inspect --format' 'inspect -f'
            echo any
        case 'ls --filter'
            echo filter
        case 'ls --format' 'ls -f'
            echo any
        case 'ls --timeout' 'ls -t'
            echo any
        case '*'
            return 1
    end
end

# The same for the flags of driver $argv[1].
function __docker_machine_driver_value
    switch "$argv[1] $argv[2]"
        case 'amazonec2 --amazonec2-access-key'
            echo any
        case 'amazonec2 --amazonec2-ami'
            echo any
        case 'amazonec2 --amazonec2-block-duration-minutes'
            echo any
        case 'amazonec2 --amazonec2-device-name'
            echo any
        case 'amazonec2 --amazonec2-endpoint'
            echo any
        case 'amazonec2 --amazonec2-iam-instance-profile'
            echo any
        case 'amazonec2 --amazonec2-instance-type'
            echo any
        case 'amazonec2 --amazonec2-keypair-name'
            echo any
        case 'amazonec2 --amazonec2-open-port'
            echo any
        case 'amazonec2 --amazonec2-region'
            echo any
        case 'amazonec2 --amazonec2-retries'
            echo any
        case 'amazonec2 --amazonec2-root-size'
            echo any
        case 'amazonec2 --amazonec2-secret-key'
            echo any
        case 'amazonec2 --amazonec2-security-group'
            echo any
        case 'amazonec2 --amazonec2-session-token'
            echo any
        case 'amazonec2 --amazonec2-spot-price'
            echo any
        case 'amazonec2 --amazonec2-ssh-keypath'
            echo any
        case 'amazonec2 --amazonec2-ssh-port'
            echo any
        case 'amazonec2 --amazonec2-ssh-user'
            echo any
        case 'amazonec2 --amazonec2-subnet-id'
            echo any
        case 'amazonec2 --amazonec2-tags'
            echo any
        case 'amazonec2 --amazonec2-userdata'
            echo any
        case 'amazonec2 --amazonec2-volume-type'
            echo any
        case 'amazonec2 --amazonec2-vpc-id'
            echo any
        case 'amazonec2 --amazonec2-zone'
            echo any
        case 'digitalocean --digitalocean-access-token'
            echo any
        case 'digitalocean --digitalocean-image'
            echo any
        case 'digitalocean --digitalocean-region'
            echo any
        case 'digitalocean --digitalocean-size'
            echo any
        case 'digitalocean --digitalocean-ssh-key-fingerprint'
            echo any
        case 'digitalocean --digitalocean-ssh-key-path'
            echo file
        case 'digitalocean --digitalocean-ssh-port'
            echo any
        case 'digitalocean --digitalocean-ssh-user'
            echo any
        case 'digitalocean --digitalocean-tags'
            echo any
        case 'digitalocean --digitalocean-userdata'
            echo any
        case 'generic --generic-engine-port'
            echo any
        case 'generic --generic-ip-address'
            echo any
        case 'generic --generic-ssh-key'
            echo file
        case 'generic --generic-ssh-port'
            echo any
        case 'generic --generic-ssh-user'
            echo any
        case 'none --url'
            echo any
        case 'nspawn --nspawn-bind'
            echo any
        case 'nspawn --nspawn-cpu-count'
            echo any
        case 'nspawn --nspawn-memory'
            echo any
        case 'nspawn --nspawn-mirror'
            echo any
        case 'nspawn --nspawn-subnet'
            echo any
        case 'nspawn --nspawn-suite'
            echo any
        case '*'
            return 1
    end
end

# What the arguments of verb $argv[1] are.
function __docker_machine_args
    switch $argv[1]
        case 'active'
            echo 'none'
        case 'completion'
            echo 'words:bash zsh fish prompt wrapper fish-prompt fish-wrapper'
        case 'config'
            echo 'machine'
        case 'create'
            echo 'name'
        case 'env'
            echo 'machine'
        case 'inspect'
            echo 'machine'
        case 'ip'
            echo 'machines'
        case 'kill'
            echo 'machines'
        case 'ls'
            echo 'none'
        case 'provision'
            echo 'machines'
        case 'regenerate-certs'
            echo 'machines'
        case 'restart'
            echo 'machines'
        case 'rm'
            echo 'machines'
        case 'ssh'
            echo 'ssh'
        case 'scp'
            echo 'scp'
        case 'mount'
            echo 'mount'
        case 'start'
            echo 'machines'
        case 'status'
            echo 'machine'
        case 'stop'
            echo 'machines'
        case 'upgrade'
            echo 'machines'
        case 'url'
            echo 'machine'
        case 'version'
            echo 'machine'
        case 'help'
            echo 'verb'
        case 'use'
            echo 'machine'
        case '*'
            echo none
    end
end
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

# verbs
complete -c docker-machine -n __docker_machine_no_verb -a 'active' -d 'Print which machine is active'
complete -c docker-machine -n __docker_machine_no_verb -a 'completion' -d 'Print a shell completion, prompt or wrapper script'
complete -c docker-machine -n __docker_machine_no_verb -a 'config' -d 'Print the connection config for machine'
complete -c docker-machine -n __docker_machine_no_verb -a 'create' -d 'Create a machine'
complete -c docker-machine -n __docker_machine_no_verb -a 'env' -d 'Display the commands to set up the environment for the Docker client'
complete -c docker-machine -n __docker_machine_no_verb -a 'inspect' -d 'Inspect information about a machine'
complete -c docker-machine -n __docker_machine_no_verb -a 'ip' -d 'Get the IP address of a machine'
complete -c docker-machine -n __docker_machine_no_verb -a 'kill' -d 'Kill a machine'
complete -c docker-machine -n __docker_machine_no_verb -a 'ls' -d 'List machines'
complete -c docker-machine -n __docker_machine_no_verb -a 'provision' -d 'Re-provision existing machines'
complete -c docker-machine -n __docker_machine_no_verb -a 'regenerate-certs' -d 'Regenerate TLS Certificates for a machine'
complete -c docker-machine -n __docker_machine_no_verb -a 'restart' -d 'Restart a machine'
complete -c docker-machine -n __docker_machine_no_verb -a 'rm' -d 'Remove a machine'
complete -c docker-machine -n __docker_machine_no_verb -a 'ssh' -d 'Log into or run a command on a machine with SSH.'
complete -c docker-machine -n __docker_machine_no_verb -a 'scp' -d 'Copy files between machines'
complete -c docker-machine -n __docker_machine_no_verb -a 'mount' -d 'Mount or unmount a directory from a machine with SSHFS.'
complete -c docker-machine -n __docker_machine_no_verb -a 'start' -d 'Start a machine'
complete -c docker-machine -n __docker_machine_no_verb -a 'status' -d 'Get the status of a machine'
complete -c docker-machine -n __docker_machine_no_verb -a 'stop' -d 'Stop a machine'
complete -c docker-machine -n __docker_machine_no_verb -a 'upgrade' -d 'Upgrade a machine to the latest version of Docker'
complete -c docker-machine -n __docker_machine_no_verb -a 'url' -d 'Get the URL of a machine'
complete -c docker-machine -n __docker_machine_no_verb -a 'version' -d 'Show the Docker Machine version or a machine docker version'
complete -c docker-machine -n __docker_machine_no_verb -a 'help' -d 'Shows a list of commands or help for one command'
complete -c docker-machine -n '__docker_machine_no_verb; and test "$DOCKER_MACHINE_WRAPPED" = true' -a use -d 'Evaluate the commands to set up the environment for the Docker client'

# global flags
complete -c docker-machine -n '__docker_machine_no_verb' -l bugsnag-api-token -x -d 'BugSnag API token for crash reporting'
complete -c docker-machine -n '__docker_machine_no_verb' -l debug -s D -d 'Enable debug mode'
complete -c docker-machine -n '__docker_machine_no_verb' -l github-api-token -x -d 'Token to use for requests to the Github API'
complete -c docker-machine -n '__docker_machine_no_verb' -l help -s h -d 'show help'
complete -c docker-machine -n '__docker_machine_no_verb' -l native-ssh -d 'Use the native (Go-based) SSH implementation.'
complete -c docker-machine -n '__docker_machine_no_verb' -l no-host-key-pinning -d 'Accept any SSH host key, as docker-machine did (for re-imaged machines)'
complete -c docker-machine -n '__docker_machine_no_verb' -l storage-path -s s -x -a '(__fish_complete_directories (commandline -ct))' -d 'Configures storage path'
complete -c docker-machine -n '__docker_machine_no_verb' -l tls-ca-cert -r -F -d 'CA to verify remotes against'
complete -c docker-machine -n '__docker_machine_no_verb' -l tls-ca-key -r -F -d 'Private key to generate certificates'
complete -c docker-machine -n '__docker_machine_no_verb' -l tls-client-cert -r -F -d 'Client cert to use for TLS'
complete -c docker-machine -n '__docker_machine_no_verb' -l tls-client-key -r -F -d 'Private key used in client TLS auth'
complete -c docker-machine -n '__docker_machine_no_verb' -l version -s v -d 'print the version'

# active
complete -c docker-machine -n '__docker_machine_using active' -l help -s h -d 'show help'
complete -c docker-machine -n '__docker_machine_using active' -l timeout -s t -x -d 'Timeout in seconds, default to 10s'

# completion
complete -c docker-machine -n '__docker_machine_using completion' -l help -s h -d 'show help'

# config
complete -c docker-machine -n '__docker_machine_using config' -l help -s h -d 'show help'
complete -c docker-machine -n '__docker_machine_using config' -l swarm -d 'Display the Swarm config instead of the Docker daemon'

# create
complete -c docker-machine -n '__docker_machine_using create' -l driver -s d -x -a '$__docker_machine_drivers' -d 'Driver to create machine with.'
complete -c docker-machine -n '__docker_machine_using create' -l engine-env -x -d 'Specify environment variables to set in the engine'
complete -c docker-machine -n '__docker_machine_using create' -l engine-insecure-registry -x -d 'Specify insecure registries to allow with the created engine'
complete -c docker-machine -n '__docker_machine_using create' -l engine-install-strategy -x -d 'How to install Docker if missing: script (--engine-install-url), distro, version:X, file:PATH or none'
complete -c docker-machine -n '__docker_machine_using create' -l engine-install-url -x -d 'Custom URL to use for engine installation'
complete -c docker-machine -n '__docker_machine_using create' -l engine-label -x -d 'Specify labels for the created engine'
complete -c docker-machine -n '__docker_machine_using create' -l engine-opt -x -d 'Specify arbitrary flags to include with the created engine in the form flag=value'
complete -c docker-machine -n '__docker_machine_using create' -l engine-registry-mirror -x -d 'Specify registry mirrors to use'
complete -c docker-machine -n '__docker_machine_using create' -l engine-storage-driver -x -a 'aufs btrfs devicemapper overlay overlay2 vfs zfs' -d 'Specify a storage driver to use with the engine'
complete -c docker-machine -n '__docker_machine_using create' -l help -s h -d 'show help'
complete -c docker-machine -n '__docker_machine_using create' -l swarm -d 'Configure Machine to join a Swarm cluster'
complete -c docker-machine -n '__docker_machine_using create' -l swarm-addr -x -d 'addr to advertise for Swarm (default: detect and use the machine IP)'
complete -c docker-machine -n '__docker_machine_using create' -l swarm-discovery -x -d 'Discovery service to use with Swarm'
complete -c docker-machine -n '__docker_machine_using create' -l swarm-experimental -d 'Enable Swarm experimental features'
complete -c docker-machine -n '__docker_machine_using create' -l swarm-host -x -d 'ip/socket to listen on for Swarm master'
complete -c docker-machine -n '__docker_machine_using create' -l swarm-image -x -d 'Specify Docker image to use for Swarm'
complete -c docker-machine -n '__docker_machine_using create' -l swarm-join-opt -x -d 'Define arbitrary flags for Swarm join'
complete -c docker-machine -n '__docker_machine_using create' -l swarm-master -d 'Configure Machine to be a Swarm master'
complete -c docker-machine -n '__docker_machine_using create' -l swarm-opt -x -d 'Define arbitrary flags for Swarm master'
complete -c docker-machine -n '__docker_machine_using create' -l swarm-strategy -x -a 'binpack random spread' -d 'Define a default scheduling strategy for Swarm'
complete -c docker-machine -n '__docker_machine_using create' -l tls-san -x -d 'Support extra SANs for TLS certs'

# env
complete -c docker-machine -n '__docker_machine_using env' -l help -s h -d 'show help'
complete -c docker-machine -n '__docker_machine_using env' -l no-proxy -d 'Add machine IP to NO_PROXY environment variable'
complete -c docker-machine -n '__docker_machine_using env' -l shell -x -a '$__docker_machine_shells' -d 'Force environment to be configured for a specified shell: [fish, cmd, powershell, tcsh, emacs], default is auto-detect'
complete -c docker-machine -n '__docker_machine_using env' -l swarm -d 'Display the Swarm config instead of the Docker daemon'
complete -c docker-machine -n '__docker_machine_using env' -l unset -s u -d 'Unset variables instead of setting them'

# inspect
complete -c docker-machine -n '__docker_machine_using inspect' -l format -s f -x -d 'Format the output using the given go template.'
complete -c docker-machine -n '__docker_machine_using inspect' -l help -s h -d 'show help'

# ip
complete -c docker-machine -n '__docker_machine_using ip' -l help -s h -d 'show help'

# kill
complete -c docker-machine -n '__docker_machine_using kill' -l help -s h -d 'show help'

# ls
complete -c docker-machine -n '__docker_machine_using ls' -l filter -x -a '(__docker_machine_filter_candidates)' -d 'Filter output based on conditions provided'
complete -c docker-machine -n '__docker_machine_using ls' -l format -s f -x -d 'Pretty-print machines using a Go template'
complete -c docker-machine -n '__docker_machine_using ls' -l help -s h -d 'show help'
complete -c docker-machine -n '__docker_machine_using ls' -l quiet -s q -d 'Enable quiet mode'
complete -c docker-machine -n '__docker_machine_using ls' -l timeout -s t -x -d 'Timeout in seconds, default to 10s'

# provision
complete -c docker-machine -n '__docker_machine_using provision' -l help -s h -d 'show help'

# regenerate-certs
complete -c docker-machine -n '__docker_machine_using regenerate-certs' -l client-certs -d 'Also regenerate client certificates and CA.'
complete -c docker-machine -n '__docker_machine_using regenerate-certs' -l force -s f -d 'Force rebuild and do not prompt'
complete -c docker-machine -n '__docker_machine_using regenerate-certs' -l help -s h -d 'show help'

# restart
complete -c docker-machine -n '__docker_machine_using restart' -l help -s h -d 'show help'

# rm
complete -c docker-machine -n '__docker_machine_using rm' -l force -s f -d 'Remove local configuration even if machine cannot be removed, also implies an automatic yes (`-y`)'
complete -c docker-machine -n '__docker_machine_using rm' -l help -s h -d 'show help'
complete -c docker-machine -n '__docker_machine_using rm' -s y -d 'Assumes automatic yes to proceed with remove, without prompting further user confirmation'

# ssh
complete -c docker-machine -n '__docker_machine_using ssh' -l help -s h -d 'show help'

# scp
complete -c docker-machine -n '__docker_machine_using scp' -l delta -s d -d 'Reduce amount of data sent over network by sending only the differences (uses rsync)'
complete -c docker-machine -n '__docker_machine_using scp' -l help -s h -d 'show help'
complete -c docker-machine -n '__docker_machine_using scp' -l quiet -s q -d 'Disables the progress meter as well as warning and diagnostic messages from ssh'
complete -c docker-machine -n '__docker_machine_using scp' -l recursive -s r -d 'Copy files recursively (required to copy directories)'

# mount
complete -c docker-machine -n '__docker_machine_using mount' -l help -s h -d 'show help'
complete -c docker-machine -n '__docker_machine_using mount' -l unmount -s u -d 'Unmount instead of mount'

# start
complete -c docker-machine -n '__docker_machine_using start' -l help -s h -d 'show help'

# status
complete -c docker-machine -n '__docker_machine_using status' -l help -s h -d 'show help'

# stop
complete -c docker-machine -n '__docker_machine_using stop' -l help -s h -d 'show help'

# upgrade
complete -c docker-machine -n '__docker_machine_using upgrade' -l help -s h -d 'show help'

# url
complete -c docker-machine -n '__docker_machine_using url' -l help -s h -d 'show help'

# version
complete -c docker-machine -n '__docker_machine_using version' -l help -s h -d 'show help'

# help

# use
complete -c docker-machine -n '__docker_machine_using use' -l help -s h -d 'show help'
complete -c docker-machine -n '__docker_machine_using use' -l no-proxy -d 'Add machine IP to NO_PROXY environment variable'
complete -c docker-machine -n '__docker_machine_using use' -l swarm -d 'Display the Swarm config instead of the Docker daemon'
complete -c docker-machine -n '__docker_machine_using use' -l unset -s u -d 'Unset variables instead of setting them'

# create -d amazonec2
complete -c docker-machine -n '__docker_machine_using create; and __docker_machine_driver_is amazonec2' -l amazonec2-access-key -x -d 'AWS Access Key'
complete -c docker-machine -n '__docker_machine_using create; and __docker_machine_driver_is amazonec2' -l amazonec2-ami -x -d 'AWS machine image'
complete -c docker-machine -n '__docker_machine_using create; and __docker_machine_driver_is amazonec2' -l amazonec2-block-duration-minutes -x -d 'AWS spot instance duration in minutes (60, 120, 180, 240, 300, or 360)'
complete -c docker-machine -n '__docker_machine_using create; and __docker_machine_driver_is amazonec2' -l amazonec2-device-name -x -d 'AWS root device name'
complete -c docker-machine -n '__docker_machine_using create; and __docker_machine_driver_is amazonec2' -l amazonec2-endpoint -x -d 'Optional endpoint URL (hostname only or fully qualified URI)'
complete -c docker-machine -n '__docker_machine_using create; and __docker_machine_driver_is amazonec2' -l amazonec2-iam-instance-profile -x -d 'AWS IAM Instance Profile'
complete -c docker-machine -n '__docker_machine_using create; and __docker_machine_driver_is amazonec2' -l amazonec2-insecure-transport -d 'Disable SSL when sending requests'
complete -c docker-machine -n '__docker_machine_using create; and __docker_machine_driver_is amazonec2' -l amazonec2-instance-type -x -d 'AWS instance type'
complete -c docker-machine -n '__docker_machine_using create; and __docker_machine_driver_is amazonec2' -l amazonec2-keypair-name -x -d 'AWS keypair to use; requires --amazonec2-ssh-keypath'
complete -c docker-machine -n '__docker_machine_using create; and __docker_machine_driver_is amazonec2' -l amazonec2-monitoring -d 'Set this flag to enable CloudWatch monitoring'
complete -c docker-machine -n '__docker_machine_using create; and __docker_machine_driver_is amazonec2' -l amazonec2-open-port -x -d 'Make the specified port number accessible from the Internet'
complete -c docker-machine -n '__docker_machine_using create; and __docker_machine_driver_is amazonec2' -l amazonec2-private-address-only -d 'Only use a private IP address'
complete -c docker-machine -n '__docker_machine_using create; and __docker_machine_driver_is amazonec2' -l amazonec2-region -x -d 'AWS region'
complete -c docker-machine -n '__docker_machine_using create; and __docker_machine_driver_is amazonec2' -l amazonec2-request-spot-instance -d 'Set this flag to request spot instance'
complete -c docker-machine -n '__docker_machine_using create; and __docker_machine_driver_is amazonec2' -l amazonec2-retries -x -d 'Set retry count for recoverable failures (use -1 to disable)'
complete -c docker-machine -n '__docker_machine_using create; and __docker_machine_driver_is amazonec2' -l amazonec2-root-size -x -d 'AWS root disk size (in GB)'
complete -c docker-machine -n '__docker_machine_using create; and __docker_machine_driver_is amazonec2' -l amazonec2-secret-key -x -d 'AWS Secret Key'
complete -c docker-machine -n '__docker_machine_using create; and __docker_machine_driver_is amazonec2' -l amazonec2-security-group -x -d 'AWS VPC security group'
complete -c docker-machine -n '__docker_machine_using create; and __docker_machine_driver_is amazonec2' -l amazonec2-security-group-readonly -d 'Skip adding default rules to security groups'
complete -c docker-machine -n '__docker_machine_using create; and __docker_machine_driver_is amazonec2' -l amazonec2-session-token -x -d 'AWS Session Token'
complete -c docker-machine -n '__docker_machine_using create; and __docker_machine_driver_is amazonec2' -l amazonec2-spot-price -x -d 'AWS spot instance bid price (in dollar)'
complete -c docker-machine -n '__docker_machine_using create; and __docker_machine_driver_is amazonec2' -l amazonec2-ssh-keypath -x -d 'SSH Key for Instance'
complete -c docker-machine -n '__docker_machine_using create; and __docker_machine_driver_is amazonec2' -l amazonec2-ssh-port -x -d 'SSH port'
complete -c docker-machine -n '__docker_machine_using create; and __docker_machine_driver_is amazonec2' -l amazonec2-ssh-user -x -d 'SSH username'
complete -c docker-machine -n '__docker_machine_using create; and __docker_machine_driver_is amazonec2' -l amazonec2-subnet-id -x -d 'AWS VPC subnet id'
complete -c docker-machine -n '__docker_machine_using create; and __docker_machine_driver_is amazonec2' -l amazonec2-tags -x -d 'AWS Tags (e.g. key1,value1,key2,value2)'
complete -c docker-machine -n '__docker_machine_using create; and __docker_machine_driver_is amazonec2' -l amazonec2-use-ebs-optimized-instance -d 'Create an EBS optimized instance'
complete -c docker-machine -n '__docker_machine_using create; and __docker_machine_driver_is amazonec2' -l amazonec2-use-private-address -d 'Force the usage of private IP address'
complete -c docker-machine -n '__docker_machine_using create; and __docker_machine_driver_is amazonec2' -l amazonec2-userdata -x -d 'path to file with cloud-init user data'
complete -c docker-machine -n '__docker_machine_using create; and __docker_machine_driver_is amazonec2' -l amazonec2-volume-type -x -d 'Amazon EBS volume type'
complete -c docker-machine -n '__docker_machine_using create; and __docker_machine_driver_is amazonec2' -l amazonec2-vpc-id -x -d 'AWS VPC id'
complete -c docker-machine -n '__docker_machine_using create; and __docker_machine_driver_is amazonec2' -l amazonec2-zone -x -d 'AWS zone for instance (i.e. a,b,c,d,e)'

# create -d digitalocean
complete -c docker-machine -n '__docker_machine_using create; and __docker_machine_driver_is digitalocean' -l digitalocean-access-token -x -d 'Digital Ocean access token'
complete -c docker-machine -n '__docker_machine_using create; and __docker_machine_driver_is digitalocean' -l digitalocean-backups -d 'enable backups for droplet'
complete -c docker-machine -n '__docker_machine_using create; and __docker_machine_driver_is digitalocean' -l digitalocean-image -x -d 'Digital Ocean Image'
complete -c docker-machine -n '__docker_machine_using create; and __docker_machine_driver_is digitalocean' -l digitalocean-ipv6 -d 'enable ipv6 for droplet'
complete -c docker-machine -n '__docker_machine_using create; and __docker_machine_driver_is digitalocean' -l digitalocean-monitoring -d 'enable monitoring for droplet'
complete -c docker-machine -n '__docker_machine_using create; and __docker_machine_driver_is digitalocean' -l digitalocean-private-networking -d 'enable private networking for droplet'
complete -c docker-machine -n '__docker_machine_using create; and __docker_machine_driver_is digitalocean' -l digitalocean-region -x -d 'Digital Ocean region'
complete -c docker-machine -n '__docker_machine_using create; and __docker_machine_driver_is digitalocean' -l digitalocean-size -x -d 'Digital Ocean size'
complete -c docker-machine -n '__docker_machine_using create; and __docker_machine_driver_is digitalocean' -l digitalocean-ssh-key-fingerprint -x -d 'SSH key fingerprint'
complete -c docker-machine -n '__docker_machine_using create; and __docker_machine_driver_is digitalocean' -l digitalocean-ssh-key-path -r -F -d 'SSH private key path '
complete -c docker-machine -n '__docker_machine_using create; and __docker_machine_driver_is digitalocean' -l digitalocean-ssh-port -x -d 'SSH port'
complete -c docker-machine -n '__docker_machine_using create; and __docker_machine_driver_is digitalocean' -l digitalocean-ssh-user -x -d 'SSH username'
complete -c docker-machine -n '__docker_machine_using create; and __docker_machine_driver_is digitalocean' -l digitalocean-tags -x -d 'comma-separated list of tags to apply to the Droplet'
complete -c docker-machine -n '__docker_machine_using create; and __docker_machine_driver_is digitalocean' -l digitalocean-userdata -x -d 'path to file with cloud-init user-data'

# create -d generic
complete -c docker-machine -n '__docker_machine_using create; and __docker_machine_driver_is generic' -l generic-engine-port -x -d 'Docker engine port'
complete -c docker-machine -n '__docker_machine_using create; and __docker_machine_driver_is generic' -l generic-ip-address -x -d 'IP Address of machine'
complete -c docker-machine -n '__docker_machine_using create; and __docker_machine_driver_is generic' -l generic-ssh-key -r -F -d 'SSH private key path (if not provided, default SSH key will be used)'
complete -c docker-machine -n '__docker_machine_using create; and __docker_machine_driver_is generic' -l generic-ssh-port -x -d 'SSH port'
complete -c docker-machine -n '__docker_machine_using create; and __docker_machine_driver_is generic' -l generic-ssh-user -x -d 'SSH user'

# create -d none
complete -c docker-machine -n '__docker_machine_using create; and __docker_machine_driver_is none' -l url -x -d 'URL of host when no driver is selected'

# create -d nspawn
complete -c docker-machine -n '__docker_machine_using create; and __docker_machine_driver_is nspawn' -l nspawn-bind -x -d 'Extra bind mount into the machine, SRC:DST (host path:machine path)'
complete -c docker-machine -n '__docker_machine_using create; and __docker_machine_driver_is nspawn' -l nspawn-cpu-count -x -d 'CPUs the machine may use, as a CFS quota (0: no limit)'
complete -c docker-machine -n '__docker_machine_using create; and __docker_machine_driver_is nspawn' -l nspawn-memory -x -d 'Memory limit of the machine in MB (0: no limit)'
complete -c docker-machine -n '__docker_machine_using create; and __docker_machine_driver_is nspawn' -l nspawn-mirror -x -d 'Debian mirror the base image is built from (once, then cached)'
complete -c docker-machine -n '__docker_machine_using create; and __docker_machine_driver_is nspawn' -l nspawn-subnet -x -d 'Subnet the machine\'s address comes from; its first address goes to the jmnet0 bridge'
complete -c docker-machine -n '__docker_machine_using create; and __docker_machine_driver_is nspawn' -l nspawn-suite -x -d 'Debian release of the base image'
