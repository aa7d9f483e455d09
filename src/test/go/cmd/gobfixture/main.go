// gobfixture checks jmachine's gob codec against Go's own: "encode CASE" writes the case's values
// as one gob stream on stdout; "decode CASE" reads such a stream from stdin into the case's Go
// types and prints each value with %#v, one per line.
package main

import (
	"encoding/gob"
	"fmt"
	"io"
	"os"
	"reflect"
	"strings"

	rpcdriver "github.com/docker/machine/libmachine/drivers/rpc"
	"github.com/docker/machine/libmachine/mcnflag"
)

type Inner struct {
	X int
}

type Sample struct {
	Name  string
	Count int
	Big   uint64
	On    bool
	Tags  []string
	Data  []byte
	Inner Inner
	Empty string
	Sizes map[string]int
}

type Request struct {
	ServiceMethod string
	Seq           uint64
}

var flags = []mcnflag.Flag{
	mcnflag.StringFlag{Name: "s", Usage: "a string", EnvVar: "S", Value: "v"},
	mcnflag.IntFlag{Name: "i", Value: -3},
	mcnflag.StringSliceFlag{Name: "l", Value: []string{"x", "y"}},
	mcnflag.BoolFlag{Name: "b", Usage: "a bool"},
	mcnflag.IntFlag{Name: "j", Usage: "zero"},
}

// cases: the values in stream order, each as a pointer to a fresh value of its Go type for decoding
func values(name string) []interface{} {
	switch name {
	case "scalars":
		return []interface{}{-1234567, 0, uint64(1<<63 + 5), true, "héllo", []byte{0, 1, 255}, 127, 128, -129}
	case "collections":
		return []interface{}{[]string{"a", "", "c"}, map[string]int{"one": 1, "two": -2}, []int{}}
	case "struct":
		return []interface{}{
			Sample{Name: "n", Count: 300, Big: 1 << 40, On: true, Tags: []string{"t"}, Data: []byte("d"), Inner: Inner{X: 7}, Sizes: map[string]int{"k": 9}},
			Sample{},
			Request{ServiceMethod: "RPCServerDriver.GetVersion", Seq: 1},
			struct{}{},
			Request{ServiceMethod: "RPCServerDriver.Close", Seq: 2},
		}
	case "flags":
		return []interface{}{flags, flags}
	case "options":
		var opts rpcdriver.DriverOptions = &rpcdriver.RPCFlags{Values: map[string]interface{}{
			"name": "m", "port": 22, "on": true, "tags": []string{"a", "b"}, "none": []string(nil),
		}}
		return []interface{}{&opts, &opts}
	}
	panic("unknown case " + name)
}

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: gobfixture encode|decode CASE")
		os.Exit(2)
	}
	vals := values(os.Args[2])
	switch os.Args[1] {
	case "encode":
		enc := gob.NewEncoder(os.Stdout)
		for _, v := range vals {
			if err := enc.Encode(v); err != nil {
				fmt.Fprintln(os.Stderr, err)
				os.Exit(1)
			}
		}
	case "decode":
		dec := gob.NewDecoder(os.Stdin)
		for _, v := range vals {
			if err := decodeLike(dec, v); err != nil {
				fmt.Fprintln(os.Stderr, err)
				os.Exit(1)
			}
		}
		var rest [1]byte
		if n, _ := os.Stdin.Read(rest[:]); n != 0 {
			fmt.Fprintln(os.Stderr, "extra data after the last value")
			os.Exit(1)
		}
	}
}

func decodeLike(dec *gob.Decoder, like interface{}) error {
	switch like.(type) {
	case int:
		var v int
		return printed(dec.Decode(&v), v)
	case uint64:
		var v uint64
		return printed(dec.Decode(&v), v)
	case bool:
		var v bool
		return printed(dec.Decode(&v), v)
	case string:
		var v string
		return printed(dec.Decode(&v), v)
	case []byte:
		var v []byte
		return printed(dec.Decode(&v), v)
	case []string:
		var v []string
		return printed(dec.Decode(&v), v)
	case []int:
		var v []int
		return printed(dec.Decode(&v), v)
	case map[string]int:
		var v map[string]int
		return printed(dec.Decode(&v), v)
	case Sample:
		var v Sample
		return printed(dec.Decode(&v), v)
	case Request:
		var v Request
		return printed(dec.Decode(&v), v)
	case struct{}:
		var v struct{}
		return printed(dec.Decode(&v), v)
	case []mcnflag.Flag:
		var v []mcnflag.Flag
		err := dec.Decode(&v)
		items := []string{}
		for _, f := range v {
			items = append(items, fmt.Sprintf("%T=%#v", f, reflect.ValueOf(f).Elem().Interface()))
		}
		return printed(err, strings.Join(items, " "))
	case *rpcdriver.DriverOptions:
		var v rpcdriver.DriverOptions
		return printed(dec.Decode(&v), v)
	}
	return fmt.Errorf("no decoder for %T", like)
}

func printed(err error, v interface{}) error {
	if err == io.EOF {
		return fmt.Errorf("stream ended early")
	}
	if err == nil {
		if text, ok := v.(string); ok && strings.HasPrefix(text, "*mcnflag.") {
			fmt.Println(text)
		} else {
			fmt.Printf("%#v\n", v)
		}
	}
	return err
}
