#!/usr/bin/env node
import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 181:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("buffer");

/***/ }),

/***/ 932:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("process");

/***/ }),

/***/ 8280:
/***/ (function(module) {

(function (root) {
    'use strict';
    // A list of regular expressions that match arbitrary IPv4 addresses,
    // for which a number of weird notations exist.
    // Note that an address like 0010.0xa5.1.1 is considered legal.
    const ipv4Part = '(0?\\d+|0x[a-f0-9]+)';
    const ipv4Regexes = {
        fourOctet: new RegExp(`^${ipv4Part}\\.${ipv4Part}\\.${ipv4Part}\\.${ipv4Part}$`, 'i'),
        threeOctet: new RegExp(`^${ipv4Part}\\.${ipv4Part}\\.${ipv4Part}$`, 'i'),
        twoOctet: new RegExp(`^${ipv4Part}\\.${ipv4Part}$`, 'i'),
        longValue: new RegExp(`^${ipv4Part}$`, 'i')
    };

    // Regular Expression for checking Octal numbers
    const octalRegex = new RegExp(`^0[0-7]+$`, 'i');
    const hexRegex = new RegExp(`^0x[a-f0-9]+$`, 'i');

    const zoneIndex = '%[0-9a-z]{1,}';

    // IPv6-matching regular expressions.
    // For IPv6, the task is simpler: it is enough to match the colon-delimited
    // hexadecimal IPv6 and a transitional variant with dotted-decimal IPv4 at
    // the end.
    const ipv6Part = '(?:[0-9a-f]+::?)+';
    const ipv6Regexes = {
        zoneIndex: new RegExp(zoneIndex, 'i'),
        'native': new RegExp(`^(::)?(${ipv6Part})?([0-9a-f]+)?(::)?(${zoneIndex})?$`, 'i'),
        deprecatedTransitional: new RegExp(`^(?:::)(${ipv4Part}\\.${ipv4Part}\\.${ipv4Part}\\.${ipv4Part}(${zoneIndex})?)$`, 'i'),
        transitional: new RegExp(`^((?:${ipv6Part})|(?:::)(?:${ipv6Part})?)${ipv4Part}\\.${ipv4Part}\\.${ipv4Part}\\.${ipv4Part}(${zoneIndex})?$`, 'i')
    };

    // Expand :: in an IPv6 address or address part consisting of `parts` groups.
    function expandIPv6 (string, parts) {
        // More than one '::' means invalid address
        if (string.indexOf('::') !== string.lastIndexOf('::')) {
            return null;
        }

        let colonCount = 0;
        let lastColon = -1;
        let zoneId = (string.match(ipv6Regexes.zoneIndex) || [])[0];
        let replacement, replacementCount;

        // Remove zone index and save it for later
        if (zoneId) {
            zoneId = zoneId.substring(1);
            string = string.replace(/%.+$/, '');
        }

        // How many parts do we already have?
        while ((lastColon = string.indexOf(':', lastColon + 1)) >= 0) {
            colonCount++;
        }

        // 0::0 is two parts more than ::
        if (string.substr(0, 2) === '::') {
            colonCount--;
        }

        if (string.substr(-2, 2) === '::') {
            colonCount--;
        }

        // An address must not contain more separators than available parts,
        // and :: must compress at least one part.
        if (colonCount >= parts) {
            return null;
        }

        // replacement = ':' + '0:' * (parts - colonCount)
        replacementCount = parts - colonCount;
        replacement = ':';
        while (replacementCount--) {
            replacement += '0:';
        }

        // Insert the missing zeroes
        string = string.replace('::', replacement);

        // Trim any garbage which may be hanging around if :: was at the edge in
        // the source string
        if (string[0] === ':') {
            string = string.slice(1);
        }

        if (string[string.length - 1] === ':') {
            string = string.slice(0, -1);
        }

        parts = (function () {
            const ref = string.split(':');
            const results = [];

            for (let i = 0; i < ref.length; i++) {
                results.push(ref[i].length > 4 ? NaN : parseInt(ref[i], 16));
            }

            return results;
        })();

        return {
            parts: parts,
            zoneId: zoneId
        };
    }

    // A generic CIDR (Classless Inter-Domain Routing) RFC1518 range matcher.
    function matchCIDR (first, second, partSize, cidrBits) {
        if (first.length !== second.length) {
            throw new Error('ipaddr: cannot match CIDR for objects with different lengths');
        }

        let part = 0;
        let shift;

        while (cidrBits > 0) {
            shift = partSize - cidrBits;
            if (shift < 0) {
                shift = 0;
            }

            if (first[part] >> shift !== second[part] >> shift) {
                return false;
            }

            cidrBits -= partSize;
            part += 1;
        }

        return true;
    }

    function parseIntAuto (string) {
        // Hexadecimal base 16 (0x#)
        if (hexRegex.test(string)) {
            return parseInt(string, 16);
        }
        // While octal representation is discouraged by ECMAScript 3
        // and forbidden by ECMAScript 5, we silently allow it to
        // work only if the rest of the string has numbers less than 8.
        if (string[0] === '0' && !isNaN(parseInt(string[1], 10))) {
        if (octalRegex.test(string)) {
            return parseInt(string, 8);
        }
            throw new Error(`ipaddr: cannot parse ${string} as octal`);
        }
        // Always include the base 10 radix!
        return parseInt(string, 10);
    }

    function padPart (part, length) {
        while (part.length < length) {
            part = `0${part}`;
        }

        return part;
    }

    const ipaddr = {};

    // An IPv4 address (RFC791).
    ipaddr.IPv4 = (function () {
        // Constructs a new IPv4 address from an array of four octets
        // in network order (MSB first)
        // Verifies the input.
        function IPv4 (octets) {
            if (octets.length !== 4) {
                throw new Error('ipaddr: ipv4 octet count should be 4');
            }

            let i, octet;

            for (i = 0; i < octets.length; i++) {
                octet = octets[i];
                if (!((0 <= octet && octet <= 255))) {
                    throw new Error('ipaddr: ipv4 octet should fit in 8 bits');
                }
            }

            this.octets = octets;
        }

        // Special IPv4 address ranges.
        // See also https://en.wikipedia.org/wiki/Reserved_IP_addresses
        IPv4.prototype.SpecialRanges = {
            unspecified: [[new IPv4([0, 0, 0, 0]), 8]],
            broadcast: [[new IPv4([255, 255, 255, 255]), 32]],
            // RFC3171
            multicast: [[new IPv4([224, 0, 0, 0]), 4]],
            // RFC3927
            linkLocal: [[new IPv4([169, 254, 0, 0]), 16]],
            // RFC5735
            loopback: [[new IPv4([127, 0, 0, 0]), 8]],
            // RFC6598
            carrierGradeNat: [[new IPv4([100, 64, 0, 0]), 10]],
            // RFC1918
            'private': [
                [new IPv4([10, 0, 0, 0]), 8],
                [new IPv4([172, 16, 0, 0]), 12],
                [new IPv4([192, 168, 0, 0]), 16]
            ],
            // Reserved and testing-only ranges; RFCs 5735, 5737, 2544, 1700
            reserved: [
                [new IPv4([192, 0, 0, 0]), 24],
                [new IPv4([192, 0, 2, 0]), 24],
                [new IPv4([192, 88, 99, 0]), 24],
                [new IPv4([198, 18, 0, 0]), 15],
                [new IPv4([198, 51, 100, 0]), 24],
                [new IPv4([203, 0, 113, 0]), 24],
                [new IPv4([240, 0, 0, 0]), 4]
            ],
            // RFC7534, RFC7535
            as112: [
                [new IPv4([192, 175, 48, 0]), 24],
                [new IPv4([192, 31, 196, 0]), 24],
            ],
            // RFC7450
            amt: [
                [new IPv4([192, 52, 193, 0]), 24],
            ],
        };

        // The 'kind' method exists on both IPv4 and IPv6 classes.
        IPv4.prototype.kind = function () {
            return 'ipv4';
        };

        // Checks if this address matches other one within given CIDR range.
        IPv4.prototype.match = function (other, cidrRange) {
            let ref;
            if (cidrRange === undefined) {
                ref = other;
                other = ref[0];
                cidrRange = ref[1];
            }

            if (other.kind() !== 'ipv4') {
                throw new Error('ipaddr: cannot match ipv4 address with non-ipv4 one');
            }

            return matchCIDR(this.octets, other.octets, 8, cidrRange);
        };

        // returns a number of leading ones in IPv4 address, making sure that
        // the rest is a solid sequence of 0's (valid netmask)
        // returns either the CIDR length or null if mask is not valid
        IPv4.prototype.prefixLengthFromSubnetMask = function () {
            let cidr = 0;
            // non-zero encountered stop scanning for zeroes
            let stop = false;
            // number of zeroes in octet
            const zerotable = {
                0: 8,
                128: 7,
                192: 6,
                224: 5,
                240: 4,
                248: 3,
                252: 2,
                254: 1,
                255: 0
            };
            let i, octet, zeros;

            for (i = 3; i >= 0; i -= 1) {
                octet = this.octets[i];
                if (octet in zerotable) {
                    zeros = zerotable[octet];
                    if (stop && zeros !== 0) {
                        return null;
                    }

                    if (zeros !== 8) {
                        stop = true;
                    }

                    cidr += zeros;
                } else {
                    return null;
                }
            }

            return 32 - cidr;
        };

        // Checks if the address corresponds to one of the special ranges.
        IPv4.prototype.range = function () {
            return ipaddr.subnetMatch(this, this.SpecialRanges);
        };

        // Returns an array of byte-sized values in network order (MSB first)
        IPv4.prototype.toByteArray = function () {
            return this.octets.slice(0);
        };

        // Converts this IPv4 address to an IPv4-mapped IPv6 address.
        IPv4.prototype.toIPv4MappedAddress = function () {
            return ipaddr.IPv6.parse(`::ffff:${this.toString()}`);
        };

        // Symmetrical method strictly for aligning with the IPv6 methods.
        IPv4.prototype.toNormalizedString = function () {
            return this.toString();
        };

        // Returns the address in convenient, decimal-dotted format.
        IPv4.prototype.toString = function () {
            return this.octets.join('.');
        };

        return IPv4;
    })();

    // A utility function to return broadcast address given the IPv4 interface and prefix length in CIDR notation
    ipaddr.IPv4.broadcastAddressFromCIDR = function (string) {

        try {
            const cidr = this.parseCIDR(string);
            const ipInterfaceOctets = cidr[0].toByteArray();
            const subnetMaskOctets = this.subnetMaskFromPrefixLength(cidr[1]).toByteArray();
            const octets = [];
            let i = 0;
            while (i < 4) {
                // Broadcast address is bitwise OR between ip interface and inverted mask
                octets.push(parseInt(ipInterfaceOctets[i], 10) | parseInt(subnetMaskOctets[i], 10) ^ 255);
                i++;
            }

            return new this(octets);
        } catch (e) {
            throw new Error('ipaddr: the address does not have IPv4 CIDR format', { cause: e });
        }
    };

    // Checks if a given string is formatted like IPv4 address.
    ipaddr.IPv4.isIPv4 = function (string) {
        return this.parser(string) !== null;
    };

    // Checks if a given string is a valid IPv4 address.
    ipaddr.IPv4.isValid = function (string) {
        try {
            new this(this.parser(string));
            return true;
        } catch {
            return false;
        }
    };

    // Checks if a given string is a valid IPv4 address in CIDR notation.
    ipaddr.IPv4.isValidCIDR = function (string) {
        try {
            this.parseCIDR(string);
            return true;
        } catch {
            return false;
        }
    };

    // Checks if a given string is a full four-part IPv4 Address.
    ipaddr.IPv4.isValidFourPartDecimal = function (string) {
        if (ipaddr.IPv4.isValid(string) && string.match(/^(0|[1-9]\d*)(\.(0|[1-9]\d*)){3}$/)) {
            return true;
        } else {
            return false;
        }
    };

    // Checks if a given string is a full four-part IPv4 Address with CIDR prefix.
    ipaddr.IPv4.isValidCIDRFourPartDecimal = function (string) {
        const match = string.match(/^(.+)\/(\d+)$/);

        if (!ipaddr.IPv4.isValidCIDR(string) || !match) {
            return false;
        }

        return ipaddr.IPv4.isValidFourPartDecimal(match[1]);
    };

    // A utility function to return network address given the IPv4 interface and prefix length in CIDR notation
    ipaddr.IPv4.networkAddressFromCIDR = function (string) {
        let cidr, i, ipInterfaceOctets, octets, subnetMaskOctets;

        try {
            cidr = this.parseCIDR(string);
            ipInterfaceOctets = cidr[0].toByteArray();
            subnetMaskOctets = this.subnetMaskFromPrefixLength(cidr[1]).toByteArray();
            octets = [];
            i = 0;
            while (i < 4) {
                // Network address is bitwise AND between ip interface and mask
                octets.push(parseInt(ipInterfaceOctets[i], 10) & parseInt(subnetMaskOctets[i], 10));
                i++;
            }

            return new this(octets);
        } catch (e) {
            throw new Error('ipaddr: the address does not have IPv4 CIDR format', { cause: e });
        }
    };

    // Tries to parse and validate a string with IPv4 address.
    // Throws an error if it fails.
    ipaddr.IPv4.parse = function (string) {
        const parts = this.parser(string);

        if (parts === null) {
            throw new Error('ipaddr: string is not formatted like an IPv4 Address');
        }

        return new this(parts);
    };

    // Parses the string as an IPv4 Address with CIDR Notation.
    ipaddr.IPv4.parseCIDR = function (string) {
        let match;

        if ((match = string.match(/^(.+)\/(\d+)$/))) {
            const maskLength = parseInt(match[2]);
            if (maskLength >= 0 && maskLength <= 32) {
                const parsed = [this.parse(match[1]), maskLength];
                Object.defineProperty(parsed, 'toString', {
                    value: function () {
                        return this.join('/');
                    }
                });
                return parsed;
            }
        }

        throw new Error('ipaddr: string is not formatted like an IPv4 CIDR range');
    };

    // Classful variants (like a.b, where a is an octet, and b is a 24-bit
    // value representing last three octets; this corresponds to a class C
    // address) are omitted due to classless nature of modern Internet.
    ipaddr.IPv4.parser = function (string) {
        let match, part, value;

        // parseInt recognizes all that octal & hexadecimal weirdness for us
        if ((match = string.match(ipv4Regexes.fourOctet))) {
            return (function () {
                const ref = match.slice(1, 6);
                const results = [];

                for (let i = 0; i < ref.length; i++) {
                    part = ref[i];
                    results.push(parseIntAuto(part));
                }

                return results;
            })();
        } else if ((match = string.match(ipv4Regexes.longValue))) {
            value = parseIntAuto(match[1]);
            if (value > 0xffffffff || value < 0) {
                throw new Error('ipaddr: address outside defined range');
            }

            return ((function () {
                const results = [];
                let shift;

                for (shift = 0; shift <= 24; shift += 8) {
                    results.push((value >> shift) & 0xff);
                }

                return results;
            })()).reverse();
        } else if ((match = string.match(ipv4Regexes.twoOctet))) {
            return (function () {
                const ref = match.slice(1, 4);
                const results = [];

                value = parseIntAuto(ref[1]);
                if (value > 0xffffff || value < 0) {
                    throw new Error('ipaddr: address outside defined range');
                }

                results.push(parseIntAuto(ref[0]));
                results.push((value >> 16) & 0xff);
                results.push((value >>  8) & 0xff);
                results.push( value        & 0xff);

                return results;
            })();
        } else if ((match = string.match(ipv4Regexes.threeOctet))) {
            return (function () {
                const ref = match.slice(1, 5);
                const results = [];

                value = parseIntAuto(ref[2]);
                if (value > 0xffff || value < 0) {
                    throw new Error('ipaddr: address outside defined range');
                }

                results.push(parseIntAuto(ref[0]));
                results.push(parseIntAuto(ref[1]));
                results.push((value >> 8) & 0xff);
                results.push( value       & 0xff);

                return results;
            })();
        } else {
            return null;
        }
    };

    // A utility function to return subnet mask in IPv4 format given the prefix length
    ipaddr.IPv4.subnetMaskFromPrefixLength = function (prefix) {
        prefix = parseInt(prefix);
        if (Number.isNaN(prefix) || prefix < 0 || prefix > 32) {
            throw new Error('ipaddr: invalid IPv4 prefix length');
        }

        const octets = [0, 0, 0, 0];
        let j = 0;
        const filledOctetCount = Math.floor(prefix / 8);

        while (j < filledOctetCount) {
            octets[j] = 255;
            j++;
        }

        if (filledOctetCount < 4) {
            octets[filledOctetCount] = Math.pow(2, prefix % 8) - 1 << 8 - (prefix % 8);
        }

        return new this(octets);
    };

    // An IPv6 address (RFC2460)
    ipaddr.IPv6 = (function () {
        // Constructs an IPv6 address from an array of eight 16 - bit parts
        // or sixteen 8 - bit parts in network order(MSB first).
        // Throws an error if the input is invalid.
        function IPv6 (parts, zoneId) {
            let i, part;

            if (parts.length === 16) {
                this.parts = [];
                for (i = 0; i <= 14; i += 2) {
                    this.parts.push((parts[i] << 8) | parts[i + 1]);
                }
            } else if (parts.length === 8) {
                this.parts = parts;
            } else {
                throw new Error('ipaddr: ipv6 part count should be 8 or 16');
            }

            for (i = 0; i < this.parts.length; i++) {
                part = this.parts[i];
                if (!((0 <= part && part <= 0xffff))) {
                    throw new Error('ipaddr: ipv6 part should fit in 16 bits');
                }
            }

            if (zoneId) {
                this.zoneId = zoneId;
            }
        }

        // Special IPv6 ranges
        IPv6.prototype.SpecialRanges = {
            // RFC4291, here and after
            unspecified: [new IPv6([0, 0, 0, 0, 0, 0, 0, 0]), 128],
            linkLocal: [new IPv6([0xfe80, 0, 0, 0, 0, 0, 0, 0]), 10],
            multicast: [new IPv6([0xff00, 0, 0, 0, 0, 0, 0, 0]), 8],
            loopback: [new IPv6([0, 0, 0, 0, 0, 0, 0, 1]), 128],
            uniqueLocal: [new IPv6([0xfc00, 0, 0, 0, 0, 0, 0, 0]), 7],
            ipv4Mapped: [new IPv6([0, 0, 0, 0, 0, 0xffff, 0, 0]), 96],
            // RFC3879
            deprecatedSiteLocal: [new IPv6([0xfec0, 0, 0, 0, 0, 0, 0, 0]), 10],
            // RFC6666
            discard: [new IPv6([0x100, 0, 0, 0, 0, 0, 0, 0]), 64],
            // RFC6145
            rfc6145: [new IPv6([0, 0, 0, 0, 0xffff, 0, 0, 0]), 96],
            rfc6052: [
                // RFC6052
                [new IPv6([0x64, 0xff9b, 0, 0, 0, 0, 0, 0]), 96],
                // RFC8215
                [new IPv6([0x64, 0xff9b, 0x1, 0, 0, 0, 0, 0]), 48],
            ],
            // RFC3056
            '6to4': [new IPv6([0x2002, 0, 0, 0, 0, 0, 0, 0]), 16],
            // RFC6052, RFC6146
            teredo: [new IPv6([0x2001, 0, 0, 0, 0, 0, 0, 0]), 32],
            // RFC5180
            benchmarking: [new IPv6([0x2001, 0x2, 0, 0, 0, 0, 0, 0]), 48],
            // RFC7450
            amt: [new IPv6([0x2001, 0x3, 0, 0, 0, 0, 0, 0]), 32],
            as112v6: [
                // RFC7535
                [new IPv6([0x2001, 0x4, 0x112, 0, 0, 0, 0, 0]), 48],
                // RFC7534
                [new IPv6([0x2620, 0x4f, 0x8000, 0, 0, 0, 0, 0]), 48],
            ],
            // RFC4843
            deprecatedOrchid: [new IPv6([0x2001, 0x10, 0, 0, 0, 0, 0, 0]), 28],
            // RFC7343
            orchid2: [new IPv6([0x2001, 0x20, 0, 0, 0, 0, 0, 0]), 28],
            // RFC9374
            droneRemoteIdProtocolEntityTags: [new IPv6([0x2001, 0x30, 0, 0, 0, 0, 0, 0]), 28],
            // RFC9602
            segmentRouting: [new IPv6([0x5f00, 0, 0, 0, 0, 0, 0, 0]), 16],
            reserved: [
                // RFC3849
                [new IPv6([0x2001, 0, 0, 0, 0, 0, 0, 0]), 23],
                // RFC2928
                [new IPv6([0x2001, 0xdb8, 0, 0, 0, 0, 0, 0]), 32],
                // RFC9637
                [new IPv6([0x3fff, 0, 0, 0, 0, 0, 0, 0]), 20],
            ],
        };

        // Checks if this address is an IPv4-mapped IPv6 address.
        IPv6.prototype.isIPv4MappedAddress = function () {
            return this.range() === 'ipv4Mapped';
        };

        // The 'kind' method exists on both IPv4 and IPv6 classes.
        IPv6.prototype.kind = function () {
            return 'ipv6';
        };

        // Checks if this address matches other one within given CIDR range.
        IPv6.prototype.match = function (other, cidrRange) {
            let ref;

            if (cidrRange === undefined) {
                ref = other;
                other = ref[0];
                cidrRange = ref[1];
            }

            if (other.kind() !== 'ipv6') {
                throw new Error('ipaddr: cannot match ipv6 address with non-ipv6 one');
            }

            return matchCIDR(this.parts, other.parts, 16, cidrRange);
        };

        // returns a number of leading ones in IPv6 address, making sure that
        // the rest is a solid sequence of 0's (valid netmask)
        // returns either the CIDR length or null if mask is not valid
        IPv6.prototype.prefixLengthFromSubnetMask = function () {
            let cidr = 0;
            // non-zero encountered stop scanning for zeroes
            let stop = false;
            // number of zeroes in octet
            const zerotable = {
                0: 16,
                32768: 15,
                49152: 14,
                57344: 13,
                61440: 12,
                63488: 11,
                64512: 10,
                65024: 9,
                65280: 8,
                65408: 7,
                65472: 6,
                65504: 5,
                65520: 4,
                65528: 3,
                65532: 2,
                65534: 1,
                65535: 0
            };
            let part, zeros;

            for (let i = 7; i >= 0; i -= 1) {
                part = this.parts[i];
                if (part in zerotable) {
                    zeros = zerotable[part];
                    if (stop && zeros !== 0) {
                        return null;
                    }

                    if (zeros !== 16) {
                        stop = true;
                    }

                    cidr += zeros;
                } else {
                    return null;
                }
            }

            return 128 - cidr;
        };


        // Checks if the address corresponds to one of the special ranges.
        IPv6.prototype.range = function () {
            return ipaddr.subnetMatch(this, this.SpecialRanges);
        };

        // Returns an array of byte-sized values in network order (MSB first)
        IPv6.prototype.toByteArray = function () {
            let part;
            const bytes = [];
            const ref = this.parts;
            for (let i = 0; i < ref.length; i++) {
                part = ref[i];
                bytes.push(part >> 8);
                bytes.push(part & 0xff);
            }

            return bytes;
        };

        // Returns the address in expanded format with all zeroes included, like
        // 2001:0db8:0008:0066:0000:0000:0000:0001
        IPv6.prototype.toFixedLengthString = function () {
            const addr = ((function () {
                const results = [];
                for (let i = 0; i < this.parts.length; i++) {
                    results.push(padPart(this.parts[i].toString(16), 4));
                }

                return results;
            }).call(this)).join(':');

            let suffix = '';

            if (this.zoneId) {
                suffix = `%${this.zoneId}`;
            }

            return addr + suffix;
        };

        // Converts this address to IPv4 address if it is an IPv4-mapped IPv6 address.
        // Throws an error otherwise.
        IPv6.prototype.toIPv4Address = function () {
            if (!this.isIPv4MappedAddress()) {
                throw new Error('ipaddr: trying to convert a generic ipv6 address to ipv4');
            }

            const ref = this.parts.slice(-2);
            const high = ref[0];
            const low = ref[1];

            return new ipaddr.IPv4([high >> 8, high & 0xff, low >> 8, low & 0xff]);
        };

        // Returns the address in expanded format with all zeroes included, like
        // 2001:db8:8:66:0:0:0:1
        //
        // Deprecated: use toFixedLengthString() instead.
        IPv6.prototype.toNormalizedString = function () {
            const addr = ((function () {
                const results = [];

                for (let i = 0; i < this.parts.length; i++) {
                    results.push(this.parts[i].toString(16));
                }

                return results;
            }).call(this)).join(':');

            let suffix = '';

            if (this.zoneId) {
                suffix = `%${this.zoneId}`;
            }

            return addr + suffix;
        };

        // Returns the address in compact, human-readable format like
        // 2001:db8:8:66::1
        // in line with RFC 5952 (see https://tools.ietf.org/html/rfc5952#section-4)
        IPv6.prototype.toRFC5952String = function () {
            const regex = /((^|:)(0(:|$)){2,})/g;
            // The zone identifier (RFC 4007) is not part of the address; match
            // against the address alone so a trailing zero run right before the
            // "%" suffix still gets compressed (RFC 5952, 4.2.2).
            let suffix = '';
            if (this.zoneId) {
                suffix = `%${this.zoneId}`;
            }
            const normalized = this.toNormalizedString();
            const string = normalized.slice(0, normalized.length - suffix.length);
            let bestMatchIndex = 0;
            let bestMatchLength = -1;
            let bestMatchGroups = -1;
            let match;

            while ((match = regex.exec(string))) {
                // Compare by the number of zero groups, not the matched length:
                // a run that is not at the start carries a leading ":" in the
                // match, so an equal-length run later in the address would
                // otherwise be preferred over the leftmost one (RFC 5952, 4.2.3).
                const groups = (match[0].match(/0/g) || []).length;
                if (groups > bestMatchGroups) {
                    bestMatchGroups = groups;
                    bestMatchIndex = match.index;
                    bestMatchLength = match[0].length;
                }
            }

            if (bestMatchLength < 0) {
                return string + suffix;
            }

            return `${string.substring(0, bestMatchIndex)}::${string.substring(bestMatchIndex + bestMatchLength)}${suffix}`;
        };

        // Returns the address in compact, human-readable format like
        // 2001:db8:8:66::1
        // Calls toRFC5952String under the hood.
        IPv6.prototype.toString = function () {
            return this.toRFC5952String();
        };

        return IPv6;

    })();

    // A utility function to return broadcast address given the IPv6 interface and prefix length in CIDR notation
    ipaddr.IPv6.broadcastAddressFromCIDR = function (string) {
        try {
            const cidr = this.parseCIDR(string);
            const ipInterfaceOctets = cidr[0].toByteArray();
            const subnetMaskOctets = this.subnetMaskFromPrefixLength(cidr[1]).toByteArray();
            const octets = [];
            let i = 0;
            while (i < 16) {
                // Broadcast address is bitwise OR between ip interface and inverted mask
                octets.push(parseInt(ipInterfaceOctets[i], 10) | parseInt(subnetMaskOctets[i], 10) ^ 255);
                i++;
            }

            return new this(octets);
        } catch (e) {
            throw new Error('ipaddr: the address does not have IPv6 CIDR format', { cause: e });
        }
    };

    // Checks if a given string is formatted like IPv6 address.
    ipaddr.IPv6.isIPv6 = function (string) {
        return this.parser(string) !== null;
    };

    // Checks to see if string is a valid IPv6 Address
    ipaddr.IPv6.isValid = function (string) {

        // Since IPv6.isValid is always called first, this shortcut
        // provides a substantial performance gain.
        if (typeof string === 'string' && string.indexOf(':') === -1) {
            return false;
        }

        try {
            const addr = this.parser(string);
            new this(addr.parts, addr.zoneId);
            return true;
        } catch {
            return false;
        }
    };

    // Checks if a given string is a valid IPv6 address in CIDR notation.
    ipaddr.IPv6.isValidCIDR = function (string) {

        // See note in IPv6.isValid
        if (typeof string === 'string' && string.indexOf(':') === -1) {
            return false;
        }

        try {
            this.parseCIDR(string);
            return true;
        } catch {
            return false;
        }
    };

    // A utility function to return network address given the IPv6 interface and prefix length in CIDR notation
    ipaddr.IPv6.networkAddressFromCIDR = function (string) {
        let cidr, i, ipInterfaceOctets, octets, subnetMaskOctets;

        try {
            cidr = this.parseCIDR(string);
            ipInterfaceOctets = cidr[0].toByteArray();
            subnetMaskOctets = this.subnetMaskFromPrefixLength(cidr[1]).toByteArray();
            octets = [];
            i = 0;
            while (i < 16) {
                // Network address is bitwise AND between ip interface and mask
                octets.push(parseInt(ipInterfaceOctets[i], 10) & parseInt(subnetMaskOctets[i], 10));
                i++;
            }

            return new this(octets);
        } catch (e) {
            throw new Error('ipaddr: the address does not have IPv6 CIDR format', { cause: e });
        }
    };

    // Tries to parse and validate a string with IPv6 address.
    // Throws an error if it fails.
    ipaddr.IPv6.parse = function (string) {
        const addr = this.parser(string);

        if (addr === null) {
            throw new Error('ipaddr: string is not formatted like an IPv6 Address');
        }

        return new this(addr.parts, addr.zoneId);
    };

    ipaddr.IPv6.parseCIDR = function (string) {
        let maskLength, match, parsed;

        if ((match = string.match(/^(.+)\/(\d+)$/))) {
            maskLength = parseInt(match[2]);
            if (maskLength >= 0 && maskLength <= 128) {
                parsed = [this.parse(match[1]), maskLength];
                Object.defineProperty(parsed, 'toString', {
                    value: function () {
                        return this.join('/');
                    }
                });
                return parsed;
            }
        }

        throw new Error('ipaddr: string is not formatted like an IPv6 CIDR range');
    };

    // Parse an IPv6 address.
    ipaddr.IPv6.parser = function (string) {
        let addr, i, match, octet, octets, zoneId;

        if ((match = string.match(ipv6Regexes.deprecatedTransitional))) {
            return this.parser(`::ffff:${match[1]}`);
        }
        if (ipv6Regexes.native.test(string)) {
            return expandIPv6(string, 8);
        }
        if ((match = string.match(ipv6Regexes.transitional))) {
            zoneId = match[6] || '';
            addr = match[1]
            if (!match[1].endsWith('::')) {
                addr = addr.slice(0, -1)
            }
            addr = expandIPv6(addr + zoneId, 6);
            if (addr && addr.parts) {
                octets = [
                    parseInt(match[2]),
                    parseInt(match[3]),
                    parseInt(match[4]),
                    parseInt(match[5])
                ];
                for (i = 0; i < octets.length; i++) {
                    octet = octets[i];
                    if (!((0 <= octet && octet <= 255))) {
                        return null;
                    }
                }

                addr.parts.push(octets[0] << 8 | octets[1]);
                addr.parts.push(octets[2] << 8 | octets[3]);
                return {
                    parts: addr.parts,
                    zoneId: addr.zoneId
                };
            }
        }

        return null;
    };

    // A utility function to return subnet mask in IPv6 format given the prefix length
    ipaddr.IPv6.subnetMaskFromPrefixLength = function (prefix) {
        prefix = parseInt(prefix);
        if (Number.isNaN(prefix) || prefix < 0 || prefix > 128) {
            throw new Error('ipaddr: invalid IPv6 prefix length');
        }

        const octets = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
        let j = 0;
        const filledOctetCount = Math.floor(prefix / 8);

        while (j < filledOctetCount) {
            octets[j] = 255;
            j++;
        }

        if (filledOctetCount < 16) {
            octets[filledOctetCount] = Math.pow(2, prefix % 8) - 1 << 8 - (prefix % 8);
        }

        return new this(octets);
    };

    // Try to parse an array in network order (MSB first) for IPv4 and IPv6
    ipaddr.fromByteArray = function (bytes) {
        const length = bytes.length;

        if (length === 4) {
            return new ipaddr.IPv4(bytes);
        } else if (length === 16) {
            return new ipaddr.IPv6(bytes);
        } else {
            throw new Error('ipaddr: the binary input is neither an IPv6 nor IPv4 address');
        }
    };

    // Checks if the address is valid IP address
    ipaddr.isValid = function (string) {
        return ipaddr.IPv6.isValid(string) || ipaddr.IPv4.isValid(string);
    };

    // Checks if the address is valid IP address in CIDR notation
    ipaddr.isValidCIDR = function (string) {
        return ipaddr.IPv6.isValidCIDR(string) || ipaddr.IPv4.isValidCIDR(string);
    };


    // Attempts to parse an IP Address, first through IPv6 then IPv4.
    // Throws an error if it could not be parsed.
    ipaddr.parse = function (string) {
        if (ipaddr.IPv6.isValid(string)) {
            return ipaddr.IPv6.parse(string);
        } else if (ipaddr.IPv4.isValid(string)) {
            return ipaddr.IPv4.parse(string);
        } else {
            throw new Error('ipaddr: the address has neither IPv6 nor IPv4 format');
        }
    };

    // Attempt to parse CIDR notation, first through IPv6 then IPv4.
    // Throws an error if it could not be parsed.
    ipaddr.parseCIDR = function (string) {
        try {
            return ipaddr.IPv6.parseCIDR(string);
        } catch {
            try {
                return ipaddr.IPv4.parseCIDR(string);
            } catch (e) {
                throw new Error('ipaddr: the address has neither IPv6 nor IPv4 CIDR format', { cause: e });
            }
        }
    };

    // Parse an address and return plain IPv4 address if it is an IPv4-mapped address
    ipaddr.process = function (string) {
        const addr = this.parse(string);

        if (addr.kind() === 'ipv6' && addr.isIPv4MappedAddress()) {
            return addr.toIPv4Address();
        } else {
            return addr;
        }
    };

    // An utility function to ease named range matching. See examples below.
    // rangeList can contain both IPv4 and IPv6 subnet entries and will not throw errors
    // on matching IPv4 addresses to IPv6 ranges or vice versa.
    ipaddr.subnetMatch = function (address, rangeList, defaultName) {
        let i, rangeName, rangeSubnets, subnet;

        if (defaultName === undefined || defaultName === null) {
            defaultName = 'unicast';
        }

        for (rangeName in rangeList) {
            if (Object.prototype.hasOwnProperty.call(rangeList, rangeName)) {
                rangeSubnets = rangeList[rangeName];
                // ECMA5 Array.isArray isn't available everywhere
                if (rangeSubnets[0] && !(rangeSubnets[0] instanceof Array)) {
                    rangeSubnets = [rangeSubnets];
                }

                for (i = 0; i < rangeSubnets.length; i++) {
                    subnet = rangeSubnets[i];
                    if (address.kind() === subnet[0].kind() && address.match.apply(address, subnet)) {
                        return rangeName;
                    }
                }
            }
        }

        return defaultName;
    };

    // Export for both the CommonJS and browser-like environment
    if ( true && module.exports) {
        module.exports = ipaddr;

    } else {
        root.ipaddr = ipaddr;
    }

}(this));


/***/ }),

/***/ 7349:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);
var YAMLMap = __nccwpck_require__(4454);
var YAMLSeq = __nccwpck_require__(2223);
var resolveBlockMap = __nccwpck_require__(7103);
var resolveBlockSeq = __nccwpck_require__(334);
var resolveFlowCollection = __nccwpck_require__(3142);

function resolveCollection(CN, ctx, token, onError, tagName, tag) {
    const coll = token.type === 'block-map'
        ? resolveBlockMap.resolveBlockMap(CN, ctx, token, onError, tag)
        : token.type === 'block-seq'
            ? resolveBlockSeq.resolveBlockSeq(CN, ctx, token, onError, tag)
            : resolveFlowCollection.resolveFlowCollection(CN, ctx, token, onError, tag);
    const Coll = coll.constructor;
    // If we got a tagName matching the class, or the tag name is '!',
    // then use the tagName from the node class used to create it.
    if (tagName === '!' || tagName === Coll.tagName) {
        coll.tag = Coll.tagName;
        return coll;
    }
    if (tagName)
        coll.tag = tagName;
    return coll;
}
function composeCollection(CN, ctx, token, props, onError) {
    const tagToken = props.tag;
    const tagName = !tagToken
        ? null
        : ctx.directives.tagName(tagToken.source, msg => onError(tagToken, 'TAG_RESOLVE_FAILED', msg));
    if (token.type === 'block-seq') {
        const { anchor, newlineAfterProp: nl } = props;
        const lastProp = anchor && tagToken
            ? anchor.offset > tagToken.offset
                ? anchor
                : tagToken
            : (anchor ?? tagToken);
        if (lastProp && (!nl || nl.offset < lastProp.offset)) {
            const message = 'Missing newline after block sequence props';
            onError(lastProp, 'MISSING_CHAR', message);
        }
    }
    const expType = token.type === 'block-map'
        ? 'map'
        : token.type === 'block-seq'
            ? 'seq'
            : token.start.source === '{'
                ? 'map'
                : 'seq';
    // shortcut: check if it's a generic YAMLMap or YAMLSeq
    // before jumping into the custom tag logic.
    if (!tagToken ||
        !tagName ||
        tagName === '!' ||
        (tagName === YAMLMap.YAMLMap.tagName && expType === 'map') ||
        (tagName === YAMLSeq.YAMLSeq.tagName && expType === 'seq')) {
        return resolveCollection(CN, ctx, token, onError, tagName);
    }
    let tag = ctx.schema.tags.find(t => t.tag === tagName && t.collection === expType);
    if (!tag) {
        const kt = ctx.schema.knownTags[tagName];
        if (kt?.collection === expType) {
            ctx.schema.tags.push(Object.assign({}, kt, { default: false }));
            tag = kt;
        }
        else {
            if (kt) {
                onError(tagToken, 'BAD_COLLECTION_TYPE', `${kt.tag} used for ${expType} collection, but expects ${kt.collection ?? 'scalar'}`, true);
            }
            else {
                onError(tagToken, 'TAG_RESOLVE_FAILED', `Unresolved tag: ${tagName}`, true);
            }
            return resolveCollection(CN, ctx, token, onError, tagName);
        }
    }
    const coll = resolveCollection(CN, ctx, token, onError, tagName, tag);
    const res = tag.resolve?.(coll, msg => onError(tagToken, 'TAG_RESOLVE_FAILED', msg), ctx.options) ?? coll;
    const node = identity.isNode(res)
        ? res
        : new Scalar.Scalar(res);
    node.range = coll.range;
    node.tag = tagName;
    if (tag?.format)
        node.format = tag.format;
    return node;
}

exports.composeCollection = composeCollection;


/***/ }),

/***/ 3683:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Document = __nccwpck_require__(3021);
var composeNode = __nccwpck_require__(5937);
var resolveEnd = __nccwpck_require__(7788);
var resolveProps = __nccwpck_require__(4631);

function composeDoc(options, directives, { offset, start, value, end }, onError) {
    const opts = Object.assign({ _directives: directives }, options);
    const doc = new Document.Document(undefined, opts);
    const ctx = {
        atKey: false,
        atRoot: true,
        directives: doc.directives,
        options: doc.options,
        schema: doc.schema
    };
    const props = resolveProps.resolveProps(start, {
        indicator: 'doc-start',
        next: value ?? end?.[0],
        offset,
        onError,
        parentIndent: 0,
        startOnNewline: true
    });
    if (props.found) {
        doc.directives.docStart = true;
        if (value &&
            (value.type === 'block-map' || value.type === 'block-seq') &&
            !props.hasNewline)
            onError(props.end, 'MISSING_CHAR', 'Block collection cannot start on same line with directives-end marker');
    }
    // @ts-expect-error If Contents is set, let's trust the user
    doc.contents = value
        ? composeNode.composeNode(ctx, value, props, onError)
        : composeNode.composeEmptyNode(ctx, props.end, start, null, props, onError);
    const contentEnd = doc.contents.range[2];
    const re = resolveEnd.resolveEnd(end, contentEnd, false, onError);
    if (re.comment)
        doc.comment = re.comment;
    doc.range = [offset, contentEnd, re.offset];
    return doc;
}

exports.composeDoc = composeDoc;


/***/ }),

/***/ 5937:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Alias = __nccwpck_require__(4065);
var identity = __nccwpck_require__(1127);
var composeCollection = __nccwpck_require__(7349);
var composeScalar = __nccwpck_require__(5413);
var resolveEnd = __nccwpck_require__(7788);
var utilEmptyScalarPosition = __nccwpck_require__(2599);

const CN = { composeNode, composeEmptyNode };
function composeNode(ctx, token, props, onError) {
    const atKey = ctx.atKey;
    const { spaceBefore, comment, anchor, tag } = props;
    let node;
    let isSrcToken = true;
    switch (token.type) {
        case 'alias':
            node = composeAlias(ctx, token, onError);
            if (anchor || tag)
                onError(token, 'ALIAS_PROPS', 'An alias node must not specify any properties');
            break;
        case 'scalar':
        case 'single-quoted-scalar':
        case 'double-quoted-scalar':
        case 'block-scalar':
            node = composeScalar.composeScalar(ctx, token, tag, onError);
            if (anchor)
                node.anchor = anchor.source.substring(1);
            break;
        case 'block-map':
        case 'block-seq':
        case 'flow-collection':
            try {
                node = composeCollection.composeCollection(CN, ctx, token, props, onError);
                if (anchor)
                    node.anchor = anchor.source.substring(1);
            }
            catch (error) {
                // Almost certainly here due to a stack overflow
                const message = error instanceof Error ? error.message : String(error);
                onError(token, 'RESOURCE_EXHAUSTION', message);
            }
            break;
        default: {
            const message = token.type === 'error'
                ? token.message
                : `Unsupported token (type: ${token.type})`;
            onError(token, 'UNEXPECTED_TOKEN', message);
            isSrcToken = false;
        }
    }
    node ?? (node = composeEmptyNode(ctx, token.offset, undefined, null, props, onError));
    if (anchor && node.anchor === '')
        onError(anchor, 'BAD_ALIAS', 'Anchor cannot be an empty string');
    if (atKey &&
        ctx.options.stringKeys &&
        (!identity.isScalar(node) ||
            typeof node.value !== 'string' ||
            (node.tag && node.tag !== 'tag:yaml.org,2002:str'))) {
        const msg = 'With stringKeys, all keys must be strings';
        onError(tag ?? token, 'NON_STRING_KEY', msg);
    }
    if (spaceBefore)
        node.spaceBefore = true;
    if (comment) {
        if (token.type === 'scalar' && token.source === '')
            node.comment = comment;
        else
            node.commentBefore = comment;
    }
    // @ts-expect-error Type checking misses meaning of isSrcToken
    if (ctx.options.keepSourceTokens && isSrcToken)
        node.srcToken = token;
    return node;
}
function composeEmptyNode(ctx, offset, before, pos, { spaceBefore, comment, anchor, tag, end }, onError) {
    const token = {
        type: 'scalar',
        offset: utilEmptyScalarPosition.emptyScalarPosition(offset, before, pos),
        indent: -1,
        source: ''
    };
    const node = composeScalar.composeScalar(ctx, token, tag, onError);
    if (anchor) {
        node.anchor = anchor.source.substring(1);
        if (node.anchor === '')
            onError(anchor, 'BAD_ALIAS', 'Anchor cannot be an empty string');
    }
    if (spaceBefore)
        node.spaceBefore = true;
    if (comment) {
        node.comment = comment;
        node.range[2] = end;
    }
    return node;
}
function composeAlias({ options }, { offset, source, end }, onError) {
    const alias = new Alias.Alias(source.substring(1));
    if (alias.source === '')
        onError(offset, 'BAD_ALIAS', 'Alias cannot be an empty string');
    if (alias.source.endsWith(':'))
        onError(offset + source.length - 1, 'BAD_ALIAS', 'Alias ending in : is ambiguous', true);
    const valueEnd = offset + source.length;
    const re = resolveEnd.resolveEnd(end, valueEnd, options.strict, onError);
    alias.range = [offset, valueEnd, re.offset];
    if (re.comment)
        alias.comment = re.comment;
    return alias;
}

exports.composeEmptyNode = composeEmptyNode;
exports.composeNode = composeNode;


/***/ }),

/***/ 5413:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);
var resolveBlockScalar = __nccwpck_require__(8913);
var resolveFlowScalar = __nccwpck_require__(6842);

function composeScalar(ctx, token, tagToken, onError) {
    const { value, type, comment, range } = token.type === 'block-scalar'
        ? resolveBlockScalar.resolveBlockScalar(ctx, token, onError)
        : resolveFlowScalar.resolveFlowScalar(token, ctx.options.strict, onError);
    const tagName = tagToken
        ? ctx.directives.tagName(tagToken.source, msg => onError(tagToken, 'TAG_RESOLVE_FAILED', msg))
        : null;
    let tag;
    if (ctx.options.stringKeys && ctx.atKey) {
        tag = ctx.schema[identity.SCALAR];
    }
    else if (tagName)
        tag = findScalarTagByName(ctx.schema, value, tagName, tagToken, onError);
    else if (token.type === 'scalar')
        tag = findScalarTagByTest(ctx, value, token, onError);
    else
        tag = ctx.schema[identity.SCALAR];
    let scalar;
    try {
        const res = tag.resolve(value, msg => onError(tagToken ?? token, 'TAG_RESOLVE_FAILED', msg), ctx.options);
        scalar = identity.isScalar(res) ? res : new Scalar.Scalar(res);
    }
    catch (error) {
        const msg = error instanceof Error ? error.message : String(error);
        onError(tagToken ?? token, 'TAG_RESOLVE_FAILED', msg);
        scalar = new Scalar.Scalar(value);
    }
    scalar.range = range;
    scalar.source = value;
    if (type)
        scalar.type = type;
    if (tagName)
        scalar.tag = tagName;
    if (tag.format)
        scalar.format = tag.format;
    if (comment)
        scalar.comment = comment;
    return scalar;
}
function findScalarTagByName(schema, value, tagName, tagToken, onError) {
    if (tagName === '!')
        return schema[identity.SCALAR]; // non-specific tag
    const matchWithTest = [];
    for (const tag of schema.tags) {
        if (!tag.collection && tag.tag === tagName) {
            if (tag.default && tag.test)
                matchWithTest.push(tag);
            else
                return tag;
        }
    }
    for (const tag of matchWithTest)
        if (tag.test?.test(value))
            return tag;
    const kt = schema.knownTags[tagName];
    if (kt && !kt.collection) {
        // Ensure that the known tag is available for stringifying,
        // but does not get used by default.
        schema.tags.push(Object.assign({}, kt, { default: false, test: undefined }));
        return kt;
    }
    onError(tagToken, 'TAG_RESOLVE_FAILED', `Unresolved tag: ${tagName}`, tagName !== 'tag:yaml.org,2002:str');
    return schema[identity.SCALAR];
}
function findScalarTagByTest({ atKey, directives, schema }, value, token, onError) {
    const tag = schema.tags.find(tag => (tag.default === true || (atKey && tag.default === 'key')) &&
        tag.test?.test(value)) || schema[identity.SCALAR];
    if (schema.compat) {
        const compat = schema.compat.find(tag => tag.default && tag.test?.test(value)) ??
            schema[identity.SCALAR];
        if (tag.tag !== compat.tag) {
            const ts = directives.tagString(tag.tag);
            const cs = directives.tagString(compat.tag);
            const msg = `Value may be parsed as either ${ts} or ${cs}`;
            onError(token, 'TAG_RESOLVE_FAILED', msg, true);
        }
    }
    return tag;
}

exports.composeScalar = composeScalar;


/***/ }),

/***/ 9984:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var node_process = __nccwpck_require__(932);
var directives = __nccwpck_require__(1342);
var Document = __nccwpck_require__(3021);
var errors = __nccwpck_require__(1464);
var identity = __nccwpck_require__(1127);
var composeDoc = __nccwpck_require__(3683);
var resolveEnd = __nccwpck_require__(7788);

function getErrorPos(src) {
    if (typeof src === 'number')
        return [src, src + 1];
    if (Array.isArray(src))
        return src.length === 2 ? src : [src[0], src[1]];
    const { offset, source } = src;
    return [offset, offset + (typeof source === 'string' ? source.length : 1)];
}
function parsePrelude(prelude) {
    let comment = '';
    let atComment = false;
    let afterEmptyLine = false;
    for (let i = 0; i < prelude.length; ++i) {
        const source = prelude[i];
        switch (source[0]) {
            case '#':
                comment +=
                    (comment === '' ? '' : afterEmptyLine ? '\n\n' : '\n') +
                        (source.substring(1) || ' ');
                atComment = true;
                afterEmptyLine = false;
                break;
            case '%':
                if (prelude[i + 1]?.[0] !== '#')
                    i += 1;
                atComment = false;
                break;
            default:
                // This may be wrong after doc-end, but in that case it doesn't matter
                if (!atComment)
                    afterEmptyLine = true;
                atComment = false;
        }
    }
    return { comment, afterEmptyLine };
}
/**
 * Compose a stream of CST nodes into a stream of YAML Documents.
 *
 * ```ts
 * import { Composer, Parser } from 'yaml'
 *
 * const src: string = ...
 * const tokens = new Parser().parse(src)
 * const docs = new Composer().compose(tokens)
 * ```
 */
class Composer {
    constructor(options = {}) {
        this.doc = null;
        this.atDirectives = false;
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
        this.onError = (source, code, message, warning) => {
            const pos = getErrorPos(source);
            if (warning)
                this.warnings.push(new errors.YAMLWarning(pos, code, message));
            else
                this.errors.push(new errors.YAMLParseError(pos, code, message));
        };
        // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
        this.directives = new directives.Directives({ version: options.version || '1.2' });
        this.options = options;
    }
    decorate(doc, afterDoc) {
        const { comment, afterEmptyLine } = parsePrelude(this.prelude);
        //console.log({ dc: doc.comment, prelude, comment })
        if (comment) {
            const dc = doc.contents;
            if (afterDoc) {
                doc.comment = doc.comment ? `${doc.comment}\n${comment}` : comment;
            }
            else if (afterEmptyLine || doc.directives.docStart || !dc) {
                doc.commentBefore = comment;
            }
            else if (identity.isCollection(dc) && !dc.flow && dc.items.length > 0) {
                let it = dc.items[0];
                if (identity.isPair(it))
                    it = it.key;
                const cb = it.commentBefore;
                it.commentBefore = cb ? `${comment}\n${cb}` : comment;
            }
            else {
                const cb = dc.commentBefore;
                dc.commentBefore = cb ? `${comment}\n${cb}` : comment;
            }
        }
        if (afterDoc) {
            for (let i = 0; i < this.errors.length; ++i)
                doc.errors.push(this.errors[i]);
            for (let i = 0; i < this.warnings.length; ++i)
                doc.warnings.push(this.warnings[i]);
        }
        else {
            doc.errors = this.errors;
            doc.warnings = this.warnings;
        }
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
    }
    /**
     * Current stream status information.
     *
     * Mostly useful at the end of input for an empty stream.
     */
    streamInfo() {
        return {
            comment: parsePrelude(this.prelude).comment,
            directives: this.directives,
            errors: this.errors,
            warnings: this.warnings
        };
    }
    /**
     * Compose tokens into documents.
     *
     * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
     * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
     */
    *compose(tokens, forceDoc = false, endOffset = -1) {
        for (const token of tokens)
            yield* this.next(token);
        yield* this.end(forceDoc, endOffset);
    }
    /** Advance the composer by one CST token. */
    *next(token) {
        if (node_process.env.LOG_STREAM)
            console.dir(token, { depth: null });
        switch (token.type) {
            case 'directive':
                this.directives.add(token.source, (offset, message, warning) => {
                    const pos = getErrorPos(token);
                    pos[0] += offset;
                    this.onError(pos, 'BAD_DIRECTIVE', message, warning);
                });
                this.prelude.push(token.source);
                this.atDirectives = true;
                break;
            case 'document': {
                const doc = composeDoc.composeDoc(this.options, this.directives, token, this.onError);
                if (this.atDirectives && !doc.directives.docStart)
                    this.onError(token, 'MISSING_CHAR', 'Missing directives-end/doc-start indicator line');
                this.decorate(doc, false);
                if (this.doc)
                    yield this.doc;
                this.doc = doc;
                this.atDirectives = false;
                break;
            }
            case 'byte-order-mark':
            case 'space':
                break;
            case 'comment':
            case 'newline':
                this.prelude.push(token.source);
                break;
            case 'error': {
                const msg = token.source
                    ? `${token.message}: ${JSON.stringify(token.source)}`
                    : token.message;
                const error = new errors.YAMLParseError(getErrorPos(token), 'UNEXPECTED_TOKEN', msg);
                if (this.atDirectives || !this.doc)
                    this.errors.push(error);
                else
                    this.doc.errors.push(error);
                break;
            }
            case 'doc-end': {
                if (!this.doc) {
                    const msg = 'Unexpected doc-end without preceding document';
                    this.errors.push(new errors.YAMLParseError(getErrorPos(token), 'UNEXPECTED_TOKEN', msg));
                    break;
                }
                this.doc.directives.docEnd = true;
                const end = resolveEnd.resolveEnd(token.end, token.offset + token.source.length, this.doc.options.strict, this.onError);
                this.decorate(this.doc, true);
                if (end.comment) {
                    const dc = this.doc.comment;
                    this.doc.comment = dc ? `${dc}\n${end.comment}` : end.comment;
                }
                this.doc.range[2] = end.offset;
                break;
            }
            default:
                this.errors.push(new errors.YAMLParseError(getErrorPos(token), 'UNEXPECTED_TOKEN', `Unsupported token ${token.type}`));
        }
    }
    /**
     * Call at end of input to yield any remaining document.
     *
     * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
     * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
     */
    *end(forceDoc = false, endOffset = -1) {
        if (this.doc) {
            this.decorate(this.doc, true);
            yield this.doc;
            this.doc = null;
        }
        else if (forceDoc) {
            const opts = Object.assign({ _directives: this.directives }, this.options);
            const doc = new Document.Document(undefined, opts);
            if (this.atDirectives)
                this.onError(endOffset, 'MISSING_CHAR', 'Missing directives-end indicator line');
            doc.range = [0, endOffset, endOffset];
            this.decorate(doc, false);
            yield doc;
        }
    }
}

exports.Composer = Composer;


/***/ }),

/***/ 7103:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Pair = __nccwpck_require__(7165);
var YAMLMap = __nccwpck_require__(4454);
var resolveProps = __nccwpck_require__(4631);
var utilContainsNewline = __nccwpck_require__(9499);
var utilFlowIndentCheck = __nccwpck_require__(4051);
var utilMapIncludes = __nccwpck_require__(1187);

const startColMsg = 'All mapping items must start at the same column';
function resolveBlockMap({ composeNode, composeEmptyNode }, ctx, bm, onError, tag) {
    const NodeClass = tag?.nodeClass ?? YAMLMap.YAMLMap;
    const map = new NodeClass(ctx.schema);
    if (ctx.atRoot)
        ctx.atRoot = false;
    let offset = bm.offset;
    let commentEnd = null;
    for (const collItem of bm.items) {
        const { start, key, sep, value } = collItem;
        // key properties
        const keyProps = resolveProps.resolveProps(start, {
            indicator: 'explicit-key-ind',
            next: key ?? sep?.[0],
            offset,
            onError,
            parentIndent: bm.indent,
            startOnNewline: true
        });
        const implicitKey = !keyProps.found;
        if (implicitKey) {
            if (key) {
                if (key.type === 'block-seq')
                    onError(offset, 'BLOCK_AS_IMPLICIT_KEY', 'A block sequence may not be used as an implicit map key');
                else if ('indent' in key && key.indent !== bm.indent)
                    onError(offset, 'BAD_INDENT', startColMsg);
            }
            if (!keyProps.anchor && !keyProps.tag && !sep) {
                commentEnd = keyProps.end;
                if (keyProps.comment) {
                    if (map.comment)
                        map.comment += '\n' + keyProps.comment;
                    else
                        map.comment = keyProps.comment;
                }
                continue;
            }
            if (keyProps.newlineAfterProp || utilContainsNewline.containsNewline(key)) {
                onError(key ?? start[start.length - 1], 'MULTILINE_IMPLICIT_KEY', 'Implicit keys need to be on a single line');
            }
        }
        else if (keyProps.found?.indent !== bm.indent) {
            onError(offset, 'BAD_INDENT', startColMsg);
        }
        // key value
        ctx.atKey = true;
        const keyStart = keyProps.end;
        const keyNode = key
            ? composeNode(ctx, key, keyProps, onError)
            : composeEmptyNode(ctx, keyStart, start, null, keyProps, onError);
        if (ctx.schema.compat)
            utilFlowIndentCheck.flowIndentCheck(bm.indent, key, onError);
        ctx.atKey = false;
        if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
            onError(keyStart, 'DUPLICATE_KEY', 'Map keys must be unique');
        // value properties
        const valueProps = resolveProps.resolveProps(sep ?? [], {
            indicator: 'map-value-ind',
            next: value,
            offset: keyNode.range[2],
            onError,
            parentIndent: bm.indent,
            startOnNewline: !key || key.type === 'block-scalar'
        });
        offset = valueProps.end;
        if (valueProps.found) {
            if (implicitKey) {
                if (value?.type === 'block-map' && !valueProps.hasNewline)
                    onError(offset, 'BLOCK_AS_IMPLICIT_KEY', 'Nested mappings are not allowed in compact mappings');
                if (ctx.options.strict &&
                    keyProps.start < valueProps.found.offset - 1024)
                    onError(keyNode.range, 'KEY_OVER_1024_CHARS', 'The : indicator must be at most 1024 chars after the start of an implicit block mapping key');
            }
            // value value
            const valueNode = value
                ? composeNode(ctx, value, valueProps, onError)
                : composeEmptyNode(ctx, offset, sep, null, valueProps, onError);
            if (ctx.schema.compat)
                utilFlowIndentCheck.flowIndentCheck(bm.indent, value, onError);
            offset = valueNode.range[2];
            const pair = new Pair.Pair(keyNode, valueNode);
            if (ctx.options.keepSourceTokens)
                pair.srcToken = collItem;
            map.items.push(pair);
        }
        else {
            // key with no value
            if (implicitKey)
                onError(keyNode.range, 'MISSING_CHAR', 'Implicit map keys need to be followed by map values');
            if (valueProps.comment) {
                if (keyNode.comment)
                    keyNode.comment += '\n' + valueProps.comment;
                else
                    keyNode.comment = valueProps.comment;
            }
            const pair = new Pair.Pair(keyNode);
            if (ctx.options.keepSourceTokens)
                pair.srcToken = collItem;
            map.items.push(pair);
        }
    }
    if (commentEnd && commentEnd < offset)
        onError(commentEnd, 'IMPOSSIBLE', 'Map comment with trailing content');
    map.range = [bm.offset, offset, commentEnd ?? offset];
    return map;
}

exports.resolveBlockMap = resolveBlockMap;


/***/ }),

/***/ 8913:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);

function resolveBlockScalar(ctx, scalar, onError) {
    const start = scalar.offset;
    const header = parseBlockScalarHeader(scalar, ctx.options.strict, onError);
    if (!header)
        return { value: '', type: null, comment: '', range: [start, start, start] };
    const type = header.mode === '>' ? Scalar.Scalar.BLOCK_FOLDED : Scalar.Scalar.BLOCK_LITERAL;
    const lines = scalar.source ? splitLines(scalar.source) : [];
    // determine the end of content & start of chomping
    let chompStart = lines.length;
    for (let i = lines.length - 1; i >= 0; --i) {
        const content = lines[i][1];
        if (content === '' || content === '\r')
            chompStart = i;
        else
            break;
    }
    // shortcut for empty contents
    if (chompStart === 0) {
        const value = header.chomp === '+' && lines.length > 0
            ? '\n'.repeat(Math.max(1, lines.length - 1))
            : '';
        let end = start + header.length;
        if (scalar.source)
            end += scalar.source.length;
        return { value, type, comment: header.comment, range: [start, end, end] };
    }
    // find the indentation level to trim from start
    let trimIndent = scalar.indent + header.indent;
    let offset = scalar.offset + header.length;
    let contentStart = 0;
    for (let i = 0; i < chompStart; ++i) {
        const [indent, content] = lines[i];
        if (content === '' || content === '\r') {
            if (header.indent === 0 && indent.length > trimIndent)
                trimIndent = indent.length;
        }
        else {
            if (indent.length < trimIndent) {
                const message = 'Block scalars with more-indented leading empty lines must use an explicit indentation indicator';
                onError(offset + indent.length, 'MISSING_CHAR', message);
            }
            if (header.indent === 0)
                trimIndent = indent.length;
            contentStart = i;
            if (trimIndent === 0 && !ctx.atRoot) {
                const message = 'Block scalar values in collections must be indented';
                onError(offset, 'BAD_INDENT', message);
            }
            break;
        }
        offset += indent.length + content.length + 1;
    }
    // include trailing more-indented empty lines in content
    for (let i = lines.length - 1; i >= chompStart; --i) {
        if (lines[i][0].length > trimIndent)
            chompStart = i + 1;
    }
    let value = '';
    let sep = '';
    let prevMoreIndented = false;
    // leading whitespace is kept intact
    for (let i = 0; i < contentStart; ++i)
        value += lines[i][0].slice(trimIndent) + '\n';
    for (let i = contentStart; i < chompStart; ++i) {
        let [indent, content] = lines[i];
        offset += indent.length + content.length + 1;
        const crlf = content[content.length - 1] === '\r';
        if (crlf)
            content = content.slice(0, -1);
        /* istanbul ignore if already caught in lexer */
        if (content && indent.length < trimIndent) {
            const src = header.indent
                ? 'explicit indentation indicator'
                : 'first line';
            const message = `Block scalar lines must not be less indented than their ${src}`;
            onError(offset - content.length - (crlf ? 2 : 1), 'BAD_INDENT', message);
            indent = '';
        }
        if (type === Scalar.Scalar.BLOCK_LITERAL) {
            value += sep + indent.slice(trimIndent) + content;
            sep = '\n';
        }
        else if (indent.length > trimIndent || content[0] === '\t') {
            // more-indented content within a folded block
            if (sep === ' ')
                sep = '\n';
            else if (!prevMoreIndented && sep === '\n')
                sep = '\n\n';
            value += sep + indent.slice(trimIndent) + content;
            sep = '\n';
            prevMoreIndented = true;
        }
        else if (content === '') {
            // empty line
            if (sep === '\n')
                value += '\n';
            else
                sep = '\n';
        }
        else {
            value += sep + content;
            sep = ' ';
            prevMoreIndented = false;
        }
    }
    switch (header.chomp) {
        case '-':
            break;
        case '+':
            for (let i = chompStart; i < lines.length; ++i)
                value += '\n' + lines[i][0].slice(trimIndent);
            if (value[value.length - 1] !== '\n')
                value += '\n';
            break;
        default:
            value += '\n';
    }
    const end = start + header.length + scalar.source.length;
    return { value, type, comment: header.comment, range: [start, end, end] };
}
function parseBlockScalarHeader({ offset, props }, strict, onError) {
    /* istanbul ignore if should not happen */
    if (props[0].type !== 'block-scalar-header') {
        onError(props[0], 'IMPOSSIBLE', 'Block scalar header not found');
        return null;
    }
    const { source } = props[0];
    const mode = source[0];
    let indent = 0;
    let chomp = '';
    let error = -1;
    for (let i = 1; i < source.length; ++i) {
        const ch = source[i];
        if (!chomp && (ch === '-' || ch === '+'))
            chomp = ch;
        else {
            const n = Number(ch);
            if (!indent && n)
                indent = n;
            else if (error === -1)
                error = offset + i;
        }
    }
    if (error !== -1)
        onError(error, 'UNEXPECTED_TOKEN', `Block scalar header includes extra characters: ${source}`);
    let hasSpace = false;
    let comment = '';
    let length = source.length;
    for (let i = 1; i < props.length; ++i) {
        const token = props[i];
        switch (token.type) {
            case 'space':
                hasSpace = true;
            // fallthrough
            case 'newline':
                length += token.source.length;
                break;
            case 'comment':
                if (strict && !hasSpace) {
                    const message = 'Comments must be separated from other tokens by white space characters';
                    onError(token, 'MISSING_CHAR', message);
                }
                length += token.source.length;
                comment = token.source.substring(1);
                break;
            case 'error':
                onError(token, 'UNEXPECTED_TOKEN', token.message);
                length += token.source.length;
                break;
            /* istanbul ignore next should not happen */
            default: {
                const message = `Unexpected token in block scalar header: ${token.type}`;
                onError(token, 'UNEXPECTED_TOKEN', message);
                const ts = token.source;
                if (ts && typeof ts === 'string')
                    length += ts.length;
            }
        }
    }
    return { mode, indent, chomp, comment, length };
}
/** @returns Array of lines split up as `[indent, content]` */
function splitLines(source) {
    const split = source.split(/\n( *)/);
    const first = split[0];
    const m = first.match(/^( *)/);
    const line0 = m?.[1]
        ? [m[1], first.slice(m[1].length)]
        : ['', first];
    const lines = [line0];
    for (let i = 1; i < split.length; i += 2)
        lines.push([split[i], split[i + 1]]);
    return lines;
}

exports.resolveBlockScalar = resolveBlockScalar;


/***/ }),

/***/ 334:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var YAMLSeq = __nccwpck_require__(2223);
var resolveProps = __nccwpck_require__(4631);
var utilFlowIndentCheck = __nccwpck_require__(4051);

function resolveBlockSeq({ composeNode, composeEmptyNode }, ctx, bs, onError, tag) {
    const NodeClass = tag?.nodeClass ?? YAMLSeq.YAMLSeq;
    const seq = new NodeClass(ctx.schema);
    if (ctx.atRoot)
        ctx.atRoot = false;
    if (ctx.atKey)
        ctx.atKey = false;
    let offset = bs.offset;
    let commentEnd = null;
    for (const { start, value } of bs.items) {
        const props = resolveProps.resolveProps(start, {
            indicator: 'seq-item-ind',
            next: value,
            offset,
            onError,
            parentIndent: bs.indent,
            startOnNewline: true
        });
        if (!props.found) {
            if (props.anchor || props.tag || value) {
                if (value?.type === 'block-seq')
                    onError(props.end, 'BAD_INDENT', 'All sequence items must start at the same column');
                else
                    onError(offset, 'MISSING_CHAR', 'Sequence item without - indicator');
            }
            else {
                commentEnd = props.end;
                if (props.comment)
                    seq.comment = props.comment;
                continue;
            }
        }
        const node = value
            ? composeNode(ctx, value, props, onError)
            : composeEmptyNode(ctx, props.end, start, null, props, onError);
        if (ctx.schema.compat)
            utilFlowIndentCheck.flowIndentCheck(bs.indent, value, onError);
        offset = node.range[2];
        seq.items.push(node);
    }
    seq.range = [bs.offset, offset, commentEnd ?? offset];
    return seq;
}

exports.resolveBlockSeq = resolveBlockSeq;


/***/ }),

/***/ 7788:
/***/ ((__unused_webpack_module, exports) => {



function resolveEnd(end, offset, reqSpace, onError) {
    let comment = '';
    if (end) {
        let hasSpace = false;
        let sep = '';
        for (const token of end) {
            const { source, type } = token;
            switch (type) {
                case 'space':
                    hasSpace = true;
                    break;
                case 'comment': {
                    if (reqSpace && !hasSpace)
                        onError(token, 'MISSING_CHAR', 'Comments must be separated from other tokens by white space characters');
                    const cb = source.substring(1) || ' ';
                    if (!comment)
                        comment = cb;
                    else
                        comment += sep + cb;
                    sep = '';
                    break;
                }
                case 'newline':
                    if (comment)
                        sep += source;
                    hasSpace = true;
                    break;
                default:
                    onError(token, 'UNEXPECTED_TOKEN', `Unexpected ${type} at node end`);
            }
            offset += source.length;
        }
    }
    return { comment, offset };
}

exports.resolveEnd = resolveEnd;


/***/ }),

/***/ 3142:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var YAMLMap = __nccwpck_require__(4454);
var YAMLSeq = __nccwpck_require__(2223);
var resolveEnd = __nccwpck_require__(7788);
var resolveProps = __nccwpck_require__(4631);
var utilContainsNewline = __nccwpck_require__(9499);
var utilMapIncludes = __nccwpck_require__(1187);

const blockMsg = 'Block collections are not allowed within flow collections';
const isBlock = (token) => token && (token.type === 'block-map' || token.type === 'block-seq');
function resolveFlowCollection({ composeNode, composeEmptyNode }, ctx, fc, onError, tag) {
    const isMap = fc.start.source === '{';
    const fcName = isMap ? 'flow map' : 'flow sequence';
    const NodeClass = (tag?.nodeClass ?? (isMap ? YAMLMap.YAMLMap : YAMLSeq.YAMLSeq));
    const coll = new NodeClass(ctx.schema);
    coll.flow = true;
    const atRoot = ctx.atRoot;
    if (atRoot)
        ctx.atRoot = false;
    if (ctx.atKey)
        ctx.atKey = false;
    let offset = fc.offset + fc.start.source.length;
    for (let i = 0; i < fc.items.length; ++i) {
        const collItem = fc.items[i];
        const { start, key, sep, value } = collItem;
        const props = resolveProps.resolveProps(start, {
            flow: fcName,
            indicator: 'explicit-key-ind',
            next: key ?? sep?.[0],
            offset,
            onError,
            parentIndent: fc.indent,
            startOnNewline: false
        });
        if (!props.found) {
            if (!props.anchor && !props.tag && !sep && !value) {
                if (i === 0 && props.comma)
                    onError(props.comma, 'UNEXPECTED_TOKEN', `Unexpected , in ${fcName}`);
                else if (i < fc.items.length - 1)
                    onError(props.start, 'UNEXPECTED_TOKEN', `Unexpected empty item in ${fcName}`);
                if (props.comment) {
                    if (coll.comment)
                        coll.comment += '\n' + props.comment;
                    else
                        coll.comment = props.comment;
                }
                offset = props.end;
                continue;
            }
            if (!isMap && ctx.options.strict && utilContainsNewline.containsNewline(key))
                onError(key, // checked by containsNewline()
                'MULTILINE_IMPLICIT_KEY', 'Implicit keys of flow sequence pairs need to be on a single line');
        }
        if (i === 0) {
            if (props.comma)
                onError(props.comma, 'UNEXPECTED_TOKEN', `Unexpected , in ${fcName}`);
        }
        else {
            if (!props.comma)
                onError(props.start, 'MISSING_CHAR', `Missing , between ${fcName} items`);
            if (props.comment) {
                let prevItemComment = '';
                loop: for (const st of start) {
                    switch (st.type) {
                        case 'comma':
                        case 'space':
                            break;
                        case 'comment':
                            prevItemComment = st.source.substring(1);
                            break loop;
                        default:
                            break loop;
                    }
                }
                if (prevItemComment) {
                    let prev = coll.items[coll.items.length - 1];
                    if (identity.isPair(prev))
                        prev = prev.value ?? prev.key;
                    if (prev.comment)
                        prev.comment += '\n' + prevItemComment;
                    else
                        prev.comment = prevItemComment;
                    props.comment = props.comment.substring(prevItemComment.length + 1);
                }
            }
        }
        if (!isMap && !sep && !props.found) {
            // item is a value in a seq
            // → key & sep are empty, start does not include ? or :
            const valueNode = value
                ? composeNode(ctx, value, props, onError)
                : composeEmptyNode(ctx, props.end, sep, null, props, onError);
            coll.items.push(valueNode);
            offset = valueNode.range[2];
            if (isBlock(value))
                onError(valueNode.range, 'BLOCK_IN_FLOW', blockMsg);
        }
        else {
            // item is a key+value pair
            // key value
            ctx.atKey = true;
            const keyStart = props.end;
            const keyNode = key
                ? composeNode(ctx, key, props, onError)
                : composeEmptyNode(ctx, keyStart, start, null, props, onError);
            if (isBlock(key))
                onError(keyNode.range, 'BLOCK_IN_FLOW', blockMsg);
            ctx.atKey = false;
            // value properties
            const valueProps = resolveProps.resolveProps(sep ?? [], {
                flow: fcName,
                indicator: 'map-value-ind',
                next: value,
                offset: keyNode.range[2],
                onError,
                parentIndent: fc.indent,
                startOnNewline: false
            });
            if (valueProps.found) {
                if (!isMap && !props.found && ctx.options.strict) {
                    if (sep)
                        for (const st of sep) {
                            if (st === valueProps.found)
                                break;
                            if (st.type === 'newline') {
                                onError(st, 'MULTILINE_IMPLICIT_KEY', 'Implicit keys of flow sequence pairs need to be on a single line');
                                break;
                            }
                        }
                    if (props.start < valueProps.found.offset - 1024)
                        onError(valueProps.found, 'KEY_OVER_1024_CHARS', 'The : indicator must be at most 1024 chars after the start of an implicit flow sequence key');
                }
            }
            else if (value) {
                if ('source' in value && value.source?.[0] === ':')
                    onError(value, 'MISSING_CHAR', `Missing space after : in ${fcName}`);
                else
                    onError(valueProps.start, 'MISSING_CHAR', `Missing , or : between ${fcName} items`);
            }
            // value value
            const valueNode = value
                ? composeNode(ctx, value, valueProps, onError)
                : valueProps.found
                    ? composeEmptyNode(ctx, valueProps.end, sep, null, valueProps, onError)
                    : null;
            if (valueNode) {
                if (isBlock(value))
                    onError(valueNode.range, 'BLOCK_IN_FLOW', blockMsg);
            }
            else if (valueProps.comment) {
                if (keyNode.comment)
                    keyNode.comment += '\n' + valueProps.comment;
                else
                    keyNode.comment = valueProps.comment;
            }
            const pair = new Pair.Pair(keyNode, valueNode);
            if (ctx.options.keepSourceTokens)
                pair.srcToken = collItem;
            if (isMap) {
                const map = coll;
                if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
                    onError(keyStart, 'DUPLICATE_KEY', 'Map keys must be unique');
                map.items.push(pair);
            }
            else {
                const map = new YAMLMap.YAMLMap(ctx.schema);
                map.flow = true;
                map.items.push(pair);
                const endRange = (valueNode ?? keyNode).range;
                map.range = [keyNode.range[0], endRange[1], endRange[2]];
                coll.items.push(map);
            }
            offset = valueNode ? valueNode.range[2] : valueProps.end;
        }
    }
    const expectedEnd = isMap ? '}' : ']';
    const [ce, ...ee] = fc.end;
    let cePos = offset;
    if (ce?.source === expectedEnd)
        cePos = ce.offset + ce.source.length;
    else {
        const name = fcName[0].toUpperCase() + fcName.substring(1);
        const msg = atRoot
            ? `${name} must end with a ${expectedEnd}`
            : `${name} in block collection must be sufficiently indented and end with a ${expectedEnd}`;
        onError(offset, atRoot ? 'MISSING_CHAR' : 'BAD_INDENT', msg);
        if (ce && ce.source.length !== 1)
            ee.unshift(ce);
    }
    if (ee.length > 0) {
        const end = resolveEnd.resolveEnd(ee, cePos, ctx.options.strict, onError);
        if (end.comment) {
            if (coll.comment)
                coll.comment += '\n' + end.comment;
            else
                coll.comment = end.comment;
        }
        coll.range = [fc.offset, cePos, end.offset];
    }
    else {
        coll.range = [fc.offset, cePos, cePos];
    }
    return coll;
}

exports.resolveFlowCollection = resolveFlowCollection;


/***/ }),

/***/ 6842:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var resolveEnd = __nccwpck_require__(7788);

function resolveFlowScalar(scalar, strict, onError) {
    const { offset, type, source, end } = scalar;
    let _type;
    let value;
    const _onError = (rel, code, msg) => onError(offset + rel, code, msg);
    switch (type) {
        case 'scalar':
            _type = Scalar.Scalar.PLAIN;
            value = plainValue(source, _onError);
            break;
        case 'single-quoted-scalar':
            _type = Scalar.Scalar.QUOTE_SINGLE;
            value = singleQuotedValue(source, _onError);
            break;
        case 'double-quoted-scalar':
            _type = Scalar.Scalar.QUOTE_DOUBLE;
            value = doubleQuotedValue(source, _onError);
            break;
        /* istanbul ignore next should not happen */
        default:
            onError(scalar, 'UNEXPECTED_TOKEN', `Expected a flow scalar value, but found: ${type}`);
            return {
                value: '',
                type: null,
                comment: '',
                range: [offset, offset + source.length, offset + source.length]
            };
    }
    const valueEnd = offset + source.length;
    const re = resolveEnd.resolveEnd(end, valueEnd, strict, onError);
    return {
        value,
        type: _type,
        comment: re.comment,
        range: [offset, valueEnd, re.offset]
    };
}
function plainValue(source, onError) {
    let badChar = '';
    switch (source[0]) {
        /* istanbul ignore next should not happen */
        case '\t':
            badChar = 'a tab character';
            break;
        case ',':
            badChar = 'flow indicator character ,';
            break;
        case '%':
            badChar = 'directive indicator character %';
            break;
        case '|':
        case '>': {
            badChar = `block scalar indicator ${source[0]}`;
            break;
        }
        case '@':
        case '`': {
            badChar = `reserved character ${source[0]}`;
            break;
        }
    }
    if (badChar)
        onError(0, 'BAD_SCALAR_START', `Plain value cannot start with ${badChar}`);
    return unfoldLines(source);
}
function singleQuotedValue(source, onError) {
    if (source[source.length - 1] !== "'" || source.length === 1)
        onError(source.length, 'MISSING_CHAR', "Missing closing 'quote");
    return unfoldLines(source.slice(1, -1)).replace(/''/g, "'");
}
function unfoldLines(source) {
    const line = /(.*?)\r?\n/sy;
    let match = line.exec(source);
    if (!match)
        return source;
    /**
     * The negative lookbehinds in these RegExps are to
     * prevent causing a polynomial search time in certain cases.
     *
     * The try-catch is for Safari < 16.4 and other old browsers:
     * https://caniuse.com/js-regexp-lookbehind
     */
    let trimEnd, trimBoth;
    try {
        trimEnd = new RegExp('(?<![ \t])[ \t]+$');
        trimBoth = new RegExp('^[ \t]+|(?<![ \t])[ \t]+$', 'g');
    }
    catch {
        trimEnd = /[ \t]+$/;
        trimBoth = /^[ \t]+|[ \t]+$/g;
    }
    let res = match[1].replace(trimEnd, '');
    let sep = ' ';
    let pos = line.lastIndex;
    while ((match = line.exec(source))) {
        const lm = match[1].replace(trimBoth, '');
        if (lm === '') {
            if (sep === '\n')
                res += sep;
            else
                sep = '\n';
        }
        else {
            res += sep + lm;
            sep = ' ';
        }
        pos = line.lastIndex;
    }
    const last = /[ \t]*(.*)/sy;
    last.lastIndex = pos;
    match = last.exec(source);
    return res + sep + (match?.[1] ?? '');
}
function doubleQuotedValue(source, onError) {
    let res = '';
    for (let i = 1; i < source.length - 1; ++i) {
        const ch = source[i];
        if (ch === '\r' && source[i + 1] === '\n')
            continue;
        if (ch === '\n') {
            const { fold, offset } = foldNewline(source, i);
            res += fold;
            i = offset;
        }
        else if (ch === '\\') {
            let next = source[++i];
            const cc = escapeCodes[next];
            if (cc)
                res += cc;
            else if (next === '\n') {
                // skip escaped newlines, but still trim the following line
                next = source[i + 1];
                while (next === ' ' || next === '\t')
                    next = source[++i + 1];
            }
            else if (next === '\r' && source[i + 1] === '\n') {
                // skip escaped CRLF newlines, but still trim the following line
                next = source[++i + 1];
                while (next === ' ' || next === '\t')
                    next = source[++i + 1];
            }
            else if (next === 'x' || next === 'u' || next === 'U') {
                const length = next === 'x' ? 2 : next === 'u' ? 4 : 8;
                res += parseCharCode(source, i + 1, length, onError);
                i += length;
            }
            else {
                const raw = source.substr(i - 1, 2);
                onError(i - 1, 'BAD_DQ_ESCAPE', `Invalid escape sequence ${raw}`);
                res += raw;
            }
        }
        else if (ch === ' ' || ch === '\t') {
            // trim trailing whitespace
            const wsStart = i;
            let next = source[i + 1];
            while (next === ' ' || next === '\t')
                next = source[++i + 1];
            if (next !== '\n' && !(next === '\r' && source[i + 2] === '\n'))
                res += i > wsStart ? source.slice(wsStart, i + 1) : ch;
        }
        else {
            res += ch;
        }
    }
    if (source[source.length - 1] !== '"' || source.length === 1)
        onError(source.length, 'MISSING_CHAR', 'Missing closing "quote');
    return res;
}
/**
 * Fold a single newline into a space, multiple newlines to N - 1 newlines.
 * Presumes `source[offset] === '\n'`
 */
function foldNewline(source, offset) {
    let fold = '';
    let ch = source[offset + 1];
    while (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') {
        if (ch === '\r' && source[offset + 2] !== '\n')
            break;
        if (ch === '\n')
            fold += '\n';
        offset += 1;
        ch = source[offset + 1];
    }
    if (!fold)
        fold = ' ';
    return { fold, offset };
}
const escapeCodes = {
    '0': '\0', // null character
    a: '\x07', // bell character
    b: '\b', // backspace
    e: '\x1b', // escape character
    f: '\f', // form feed
    n: '\n', // line feed
    r: '\r', // carriage return
    t: '\t', // horizontal tab
    v: '\v', // vertical tab
    N: '\u0085', // Unicode next line
    _: '\u00a0', // Unicode non-breaking space
    L: '\u2028', // Unicode line separator
    P: '\u2029', // Unicode paragraph separator
    ' ': ' ',
    '"': '"',
    '/': '/',
    '\\': '\\',
    '\t': '\t'
};
function parseCharCode(source, offset, length, onError) {
    const cc = source.substr(offset, length);
    const ok = cc.length === length && /^[0-9a-fA-F]+$/.test(cc);
    const code = ok ? parseInt(cc, 16) : NaN;
    try {
        return String.fromCodePoint(code);
    }
    catch {
        const raw = source.substr(offset - 2, length + 2);
        onError(offset - 2, 'BAD_DQ_ESCAPE', `Invalid escape sequence ${raw}`);
        return raw;
    }
}

exports.resolveFlowScalar = resolveFlowScalar;


/***/ }),

/***/ 4631:
/***/ ((__unused_webpack_module, exports) => {



function resolveProps(tokens, { flow, indicator, next, offset, onError, parentIndent, startOnNewline }) {
    let spaceBefore = false;
    let atNewline = startOnNewline;
    let hasSpace = startOnNewline;
    let comment = '';
    let commentSep = '';
    let hasNewline = false;
    let reqSpace = false;
    let tab = null;
    let anchor = null;
    let tag = null;
    let newlineAfterProp = null;
    let comma = null;
    let found = null;
    let start = null;
    for (const token of tokens) {
        if (reqSpace) {
            if (token.type !== 'space' &&
                token.type !== 'newline' &&
                token.type !== 'comma')
                onError(token.offset, 'MISSING_CHAR', 'Tags and anchors must be separated from the next token by white space');
            reqSpace = false;
        }
        if (tab) {
            if (atNewline && token.type !== 'comment' && token.type !== 'newline') {
                onError(tab, 'TAB_AS_INDENT', 'Tabs are not allowed as indentation');
            }
            tab = null;
        }
        switch (token.type) {
            case 'space':
                // At the doc level, tabs at line start may be parsed
                // as leading white space rather than indentation.
                // In a flow collection, only the parser handles indent.
                if (!flow &&
                    (indicator !== 'doc-start' || next?.type !== 'flow-collection') &&
                    token.source.includes('\t')) {
                    tab = token;
                }
                hasSpace = true;
                break;
            case 'comment': {
                if (!hasSpace)
                    onError(token, 'MISSING_CHAR', 'Comments must be separated from other tokens by white space characters');
                const cb = token.source.substring(1) || ' ';
                if (!comment)
                    comment = cb;
                else
                    comment += commentSep + cb;
                commentSep = '';
                atNewline = false;
                break;
            }
            case 'newline':
                if (atNewline) {
                    if (comment)
                        comment += token.source;
                    else if (!found || indicator !== 'seq-item-ind')
                        spaceBefore = true;
                }
                else
                    commentSep += token.source;
                atNewline = true;
                hasNewline = true;
                if (anchor || tag)
                    newlineAfterProp = token;
                hasSpace = true;
                break;
            case 'anchor':
                if (anchor)
                    onError(token, 'MULTIPLE_ANCHORS', 'A node can have at most one anchor');
                if (token.source.endsWith(':'))
                    onError(token.offset + token.source.length - 1, 'BAD_ALIAS', 'Anchor ending in : is ambiguous', true);
                anchor = token;
                start ?? (start = token.offset);
                atNewline = false;
                hasSpace = false;
                reqSpace = true;
                break;
            case 'tag': {
                if (tag)
                    onError(token, 'MULTIPLE_TAGS', 'A node can have at most one tag');
                tag = token;
                start ?? (start = token.offset);
                atNewline = false;
                hasSpace = false;
                reqSpace = true;
                break;
            }
            case indicator:
                // Could here handle preceding comments differently
                if (anchor || tag)
                    onError(token, 'BAD_PROP_ORDER', `Anchors and tags must be after the ${token.source} indicator`);
                if (found)
                    onError(token, 'UNEXPECTED_TOKEN', `Unexpected ${token.source} in ${flow ?? 'collection'}`);
                found = token;
                atNewline =
                    indicator === 'seq-item-ind' || indicator === 'explicit-key-ind';
                hasSpace = false;
                break;
            case 'comma':
                if (flow) {
                    if (comma)
                        onError(token, 'UNEXPECTED_TOKEN', `Unexpected , in ${flow}`);
                    comma = token;
                    atNewline = false;
                    hasSpace = false;
                    break;
                }
            // else fallthrough
            default:
                onError(token, 'UNEXPECTED_TOKEN', `Unexpected ${token.type} token`);
                atNewline = false;
                hasSpace = false;
        }
    }
    const last = tokens[tokens.length - 1];
    const end = last ? last.offset + last.source.length : offset;
    if (reqSpace &&
        next &&
        next.type !== 'space' &&
        next.type !== 'newline' &&
        next.type !== 'comma' &&
        (next.type !== 'scalar' || next.source !== '')) {
        onError(next.offset, 'MISSING_CHAR', 'Tags and anchors must be separated from the next token by white space');
    }
    if (tab &&
        ((atNewline && tab.indent <= parentIndent) ||
            next?.type === 'block-map' ||
            next?.type === 'block-seq'))
        onError(tab, 'TAB_AS_INDENT', 'Tabs are not allowed as indentation');
    return {
        comma,
        found,
        spaceBefore,
        comment,
        hasNewline,
        anchor,
        tag,
        newlineAfterProp,
        end,
        start: start ?? end
    };
}

exports.resolveProps = resolveProps;


/***/ }),

/***/ 9499:
/***/ ((__unused_webpack_module, exports) => {



function containsNewline(key) {
    if (!key)
        return null;
    switch (key.type) {
        case 'alias':
        case 'scalar':
        case 'double-quoted-scalar':
        case 'single-quoted-scalar':
            if (key.source.includes('\n'))
                return true;
            if (key.end)
                for (const st of key.end)
                    if (st.type === 'newline')
                        return true;
            return false;
        case 'flow-collection':
            for (const it of key.items) {
                for (const st of it.start)
                    if (st.type === 'newline')
                        return true;
                if (it.sep)
                    for (const st of it.sep)
                        if (st.type === 'newline')
                            return true;
                if (containsNewline(it.key) || containsNewline(it.value))
                    return true;
            }
            return false;
        default:
            return true;
    }
}

exports.containsNewline = containsNewline;


/***/ }),

/***/ 2599:
/***/ ((__unused_webpack_module, exports) => {



function emptyScalarPosition(offset, before, pos) {
    if (before) {
        pos ?? (pos = before.length);
        for (let i = pos - 1; i >= 0; --i) {
            let st = before[i];
            switch (st.type) {
                case 'space':
                case 'comment':
                case 'newline':
                    offset -= st.source.length;
                    continue;
            }
            // Technically, an empty scalar is immediately after the last non-empty
            // node, but it's more useful to place it after any whitespace.
            st = before[++i];
            while (st?.type === 'space') {
                offset += st.source.length;
                st = before[++i];
            }
            break;
        }
    }
    return offset;
}

exports.emptyScalarPosition = emptyScalarPosition;


/***/ }),

/***/ 4051:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var utilContainsNewline = __nccwpck_require__(9499);

function flowIndentCheck(indent, fc, onError) {
    if (fc?.type === 'flow-collection') {
        const end = fc.end[0];
        if (end.indent === indent &&
            (end.source === ']' || end.source === '}') &&
            utilContainsNewline.containsNewline(fc)) {
            const msg = 'Flow end indicator should be more indented than parent';
            onError(end, 'BAD_INDENT', msg, true);
        }
    }
}

exports.flowIndentCheck = flowIndentCheck;


/***/ }),

/***/ 1187:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);

function mapIncludes(ctx, items, search) {
    const { uniqueKeys } = ctx.options;
    if (uniqueKeys === false)
        return false;
    const isEqual = typeof uniqueKeys === 'function'
        ? uniqueKeys
        : (a, b) => a === b || (identity.isScalar(a) && identity.isScalar(b) && a.value === b.value);
    return items.some(pair => isEqual(pair.key, search));
}

exports.mapIncludes = mapIncludes;


/***/ }),

/***/ 3021:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Alias = __nccwpck_require__(4065);
var Collection = __nccwpck_require__(101);
var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var toJS = __nccwpck_require__(4043);
var Schema = __nccwpck_require__(5840);
var stringifyDocument = __nccwpck_require__(6829);
var anchors = __nccwpck_require__(1596);
var applyReviver = __nccwpck_require__(3661);
var createNode = __nccwpck_require__(2404);
var directives = __nccwpck_require__(1342);

class Document {
    constructor(value, replacer, options) {
        /** A comment before this Document */
        this.commentBefore = null;
        /** A comment immediately after this Document */
        this.comment = null;
        /** Errors encountered during parsing. */
        this.errors = [];
        /** Warnings encountered during parsing. */
        this.warnings = [];
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.DOC });
        let _replacer = null;
        if (typeof replacer === 'function' || Array.isArray(replacer)) {
            _replacer = replacer;
        }
        else if (options === undefined && replacer) {
            options = replacer;
            replacer = undefined;
        }
        const opt = Object.assign({
            intAsBigInt: false,
            keepSourceTokens: false,
            logLevel: 'warn',
            prettyErrors: true,
            strict: true,
            stringKeys: false,
            uniqueKeys: true,
            version: '1.2'
        }, options);
        this.options = opt;
        let { version } = opt;
        if (options?._directives) {
            this.directives = options._directives.atDocument();
            if (this.directives.yaml.explicit)
                version = this.directives.yaml.version;
        }
        else
            this.directives = new directives.Directives({ version });
        this.setSchema(version, options);
        // @ts-expect-error We can't really know that this matches Contents.
        this.contents =
            value === undefined ? null : this.createNode(value, _replacer, options);
    }
    /**
     * Create a deep copy of this Document and its contents.
     *
     * Custom Node values that inherit from `Object` still refer to their original instances.
     */
    clone() {
        const copy = Object.create(Document.prototype, {
            [identity.NODE_TYPE]: { value: identity.DOC }
        });
        copy.commentBefore = this.commentBefore;
        copy.comment = this.comment;
        copy.errors = this.errors.slice();
        copy.warnings = this.warnings.slice();
        copy.options = Object.assign({}, this.options);
        if (this.directives)
            copy.directives = this.directives.clone();
        copy.schema = this.schema.clone();
        // @ts-expect-error We can't really know that this matches Contents.
        copy.contents = identity.isNode(this.contents)
            ? this.contents.clone(copy.schema)
            : this.contents;
        if (this.range)
            copy.range = this.range.slice();
        return copy;
    }
    /** Adds a value to the document. */
    add(value) {
        if (assertCollection(this.contents))
            this.contents.add(value);
    }
    /** Adds a value to the document. */
    addIn(path, value) {
        if (assertCollection(this.contents))
            this.contents.addIn(path, value);
    }
    /**
     * Create a new `Alias` node, ensuring that the target `node` has the required anchor.
     *
     * If `node` already has an anchor, `name` is ignored.
     * Otherwise, the `node.anchor` value will be set to `name`,
     * or if an anchor with that name is already present in the document,
     * `name` will be used as a prefix for a new unique anchor.
     * If `name` is undefined, the generated anchor will use 'a' as a prefix.
     */
    createAlias(node, name) {
        if (!node.anchor) {
            const prev = anchors.anchorNames(this);
            node.anchor =
                // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
                !name || prev.has(name) ? anchors.findNewAnchor(name || 'a', prev) : name;
        }
        return new Alias.Alias(node.anchor);
    }
    createNode(value, replacer, options) {
        let _replacer = undefined;
        if (typeof replacer === 'function') {
            value = replacer.call({ '': value }, '', value);
            _replacer = replacer;
        }
        else if (Array.isArray(replacer)) {
            const keyToStr = (v) => typeof v === 'number' || v instanceof String || v instanceof Number;
            const asStr = replacer.filter(keyToStr).map(String);
            if (asStr.length > 0)
                replacer = replacer.concat(asStr);
            _replacer = replacer;
        }
        else if (options === undefined && replacer) {
            options = replacer;
            replacer = undefined;
        }
        const { aliasDuplicateObjects, anchorPrefix, flow, keepUndefined, onTagObj, tag } = options ?? {};
        const { onAnchor, setAnchors, sourceObjects } = anchors.createNodeAnchors(this, 
        // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
        anchorPrefix || 'a');
        const ctx = {
            aliasDuplicateObjects: aliasDuplicateObjects ?? true,
            keepUndefined: keepUndefined ?? false,
            onAnchor,
            onTagObj,
            replacer: _replacer,
            schema: this.schema,
            sourceObjects
        };
        const node = createNode.createNode(value, tag, ctx);
        if (flow && identity.isCollection(node))
            node.flow = true;
        setAnchors();
        return node;
    }
    /**
     * Convert a key and a value into a `Pair` using the current schema,
     * recursively wrapping all values as `Scalar` or `Collection` nodes.
     */
    createPair(key, value, options = {}) {
        const k = this.createNode(key, null, options);
        const v = this.createNode(value, null, options);
        return new Pair.Pair(k, v);
    }
    /**
     * Removes a value from the document.
     * @returns `true` if the item was found and removed.
     */
    delete(key) {
        return assertCollection(this.contents) ? this.contents.delete(key) : false;
    }
    /**
     * Removes a value from the document.
     * @returns `true` if the item was found and removed.
     */
    deleteIn(path) {
        if (Collection.isEmptyPath(path)) {
            if (this.contents == null)
                return false;
            // @ts-expect-error Presumed impossible if Strict extends false
            this.contents = null;
            return true;
        }
        return assertCollection(this.contents)
            ? this.contents.deleteIn(path)
            : false;
    }
    /**
     * Returns item at `key`, or `undefined` if not found. By default unwraps
     * scalar values from their surrounding node; to disable set `keepScalar` to
     * `true` (collections are always returned intact).
     */
    get(key, keepScalar) {
        return identity.isCollection(this.contents)
            ? this.contents.get(key, keepScalar)
            : undefined;
    }
    /**
     * Returns item at `path`, or `undefined` if not found. By default unwraps
     * scalar values from their surrounding node; to disable set `keepScalar` to
     * `true` (collections are always returned intact).
     */
    getIn(path, keepScalar) {
        if (Collection.isEmptyPath(path))
            return !keepScalar && identity.isScalar(this.contents)
                ? this.contents.value
                : this.contents;
        return identity.isCollection(this.contents)
            ? this.contents.getIn(path, keepScalar)
            : undefined;
    }
    /**
     * Checks if the document includes a value with the key `key`.
     */
    has(key) {
        return identity.isCollection(this.contents) ? this.contents.has(key) : false;
    }
    /**
     * Checks if the document includes a value at `path`.
     */
    hasIn(path) {
        if (Collection.isEmptyPath(path))
            return this.contents !== undefined;
        return identity.isCollection(this.contents) ? this.contents.hasIn(path) : false;
    }
    /**
     * Sets a value in this document. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     */
    set(key, value) {
        if (this.contents == null) {
            // @ts-expect-error We can't really know that this matches Contents.
            this.contents = Collection.collectionFromPath(this.schema, [key], value);
        }
        else if (assertCollection(this.contents)) {
            this.contents.set(key, value);
        }
    }
    /**
     * Sets a value in this document. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     */
    setIn(path, value) {
        if (Collection.isEmptyPath(path)) {
            // @ts-expect-error We can't really know that this matches Contents.
            this.contents = value;
        }
        else if (this.contents == null) {
            // @ts-expect-error We can't really know that this matches Contents.
            this.contents = Collection.collectionFromPath(this.schema, Array.from(path), value);
        }
        else if (assertCollection(this.contents)) {
            this.contents.setIn(path, value);
        }
    }
    /**
     * Change the YAML version and schema used by the document.
     * A `null` version disables support for directives, explicit tags, anchors, and aliases.
     * It also requires the `schema` option to be given as a `Schema` instance value.
     *
     * Overrides all previously set schema options.
     */
    setSchema(version, options = {}) {
        if (typeof version === 'number')
            version = String(version);
        let opt;
        switch (version) {
            case '1.1':
                if (this.directives)
                    this.directives.yaml.version = '1.1';
                else
                    this.directives = new directives.Directives({ version: '1.1' });
                opt = { resolveKnownTags: false, schema: 'yaml-1.1' };
                break;
            case '1.2':
            case 'next':
                if (this.directives)
                    this.directives.yaml.version = version;
                else
                    this.directives = new directives.Directives({ version });
                opt = { resolveKnownTags: true, schema: 'core' };
                break;
            case null:
                if (this.directives)
                    delete this.directives;
                opt = null;
                break;
            default: {
                const sv = JSON.stringify(version);
                throw new Error(`Expected '1.1', '1.2' or null as first argument, but found: ${sv}`);
            }
        }
        // Not using `instanceof Schema` to allow for duck typing
        if (options.schema instanceof Object)
            this.schema = options.schema;
        else if (opt)
            this.schema = new Schema.Schema(Object.assign(opt, options));
        else
            throw new Error(`With a null YAML version, the { schema: Schema } option is required`);
    }
    // json & jsonArg are only used from toJSON()
    toJS({ json, jsonArg, mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        const ctx = {
            anchors: new Map(),
            doc: this,
            keep: !json,
            mapAsMap: mapAsMap === true,
            mapKeyWarned: false,
            maxAliasCount: typeof maxAliasCount === 'number' ? maxAliasCount : 100
        };
        const res = toJS.toJS(this.contents, jsonArg ?? '', ctx);
        if (typeof onAnchor === 'function')
            for (const { count, res } of ctx.anchors.values())
                onAnchor(res, count);
        return typeof reviver === 'function'
            ? applyReviver.applyReviver(reviver, { '': res }, '', res)
            : res;
    }
    /**
     * A JSON representation of the document `contents`.
     *
     * @param jsonArg Used by `JSON.stringify` to indicate the array index or
     *   property name.
     */
    toJSON(jsonArg, onAnchor) {
        return this.toJS({ json: true, jsonArg, mapAsMap: false, onAnchor });
    }
    /** A YAML representation of the document. */
    toString(options = {}) {
        if (this.errors.length > 0)
            throw new Error('Document with errors cannot be stringified');
        if ('indent' in options &&
            (!Number.isInteger(options.indent) || Number(options.indent) <= 0)) {
            const s = JSON.stringify(options.indent);
            throw new Error(`"indent" option must be a positive integer, not ${s}`);
        }
        return stringifyDocument.stringifyDocument(this, options);
    }
}
function assertCollection(contents) {
    if (identity.isCollection(contents))
        return true;
    throw new Error('Expected a YAML collection as document contents');
}

exports.Document = Document;


/***/ }),

/***/ 1596:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var visit = __nccwpck_require__(204);

/**
 * Verify that the input string is a valid anchor.
 *
 * Will throw on errors.
 */
function anchorIsValid(anchor) {
    if (/[\x00-\x19\s,[\]{}]/.test(anchor)) {
        const sa = JSON.stringify(anchor);
        const msg = `Anchor must not contain whitespace or control characters: ${sa}`;
        throw new Error(msg);
    }
    return true;
}
function anchorNames(root) {
    const anchors = new Set();
    visit.visit(root, {
        Value(_key, node) {
            if (node.anchor)
                anchors.add(node.anchor);
        }
    });
    return anchors;
}
/** Find a new anchor name with the given `prefix` and a one-indexed suffix. */
function findNewAnchor(prefix, exclude) {
    for (let i = 1; true; ++i) {
        const name = `${prefix}${i}`;
        if (!exclude.has(name))
            return name;
    }
}
function createNodeAnchors(doc, prefix) {
    const aliasObjects = [];
    const sourceObjects = new Map();
    let prevAnchors = null;
    return {
        onAnchor: (source) => {
            aliasObjects.push(source);
            prevAnchors ?? (prevAnchors = anchorNames(doc));
            const anchor = findNewAnchor(prefix, prevAnchors);
            prevAnchors.add(anchor);
            return anchor;
        },
        /**
         * With circular references, the source node is only resolved after all
         * of its child nodes are. This is why anchors are set only after all of
         * the nodes have been created.
         */
        setAnchors: () => {
            for (const source of aliasObjects) {
                const ref = sourceObjects.get(source);
                if (typeof ref === 'object' &&
                    ref.anchor &&
                    (identity.isScalar(ref.node) || identity.isCollection(ref.node))) {
                    ref.node.anchor = ref.anchor;
                }
                else {
                    const error = new Error('Failed to resolve repeated object (this should not happen)');
                    error.source = source;
                    throw error;
                }
            }
        },
        sourceObjects
    };
}

exports.anchorIsValid = anchorIsValid;
exports.anchorNames = anchorNames;
exports.createNodeAnchors = createNodeAnchors;
exports.findNewAnchor = findNewAnchor;


/***/ }),

/***/ 3661:
/***/ ((__unused_webpack_module, exports) => {



/**
 * Applies the JSON.parse reviver algorithm as defined in the ECMA-262 spec,
 * in section 24.5.1.1 "Runtime Semantics: InternalizeJSONProperty" of the
 * 2021 edition: https://tc39.es/ecma262/#sec-json.parse
 *
 * Includes extensions for handling Map and Set objects.
 */
function applyReviver(reviver, obj, key, val) {
    if (val && typeof val === 'object') {
        if (Array.isArray(val)) {
            for (let i = 0, len = val.length; i < len; ++i) {
                const v0 = val[i];
                const v1 = applyReviver(reviver, val, String(i), v0);
                // eslint-disable-next-line @typescript-eslint/no-array-delete
                if (v1 === undefined)
                    delete val[i];
                else if (v1 !== v0)
                    val[i] = v1;
            }
        }
        else if (val instanceof Map) {
            for (const k of Array.from(val.keys())) {
                const v0 = val.get(k);
                const v1 = applyReviver(reviver, val, k, v0);
                if (v1 === undefined)
                    val.delete(k);
                else if (v1 !== v0)
                    val.set(k, v1);
            }
        }
        else if (val instanceof Set) {
            for (const v0 of Array.from(val)) {
                const v1 = applyReviver(reviver, val, v0, v0);
                if (v1 === undefined)
                    val.delete(v0);
                else if (v1 !== v0) {
                    val.delete(v0);
                    val.add(v1);
                }
            }
        }
        else {
            for (const [k, v0] of Object.entries(val)) {
                const v1 = applyReviver(reviver, val, k, v0);
                if (v1 === undefined)
                    delete val[k];
                else if (v1 !== v0)
                    val[k] = v1;
            }
        }
    }
    return reviver.call(obj, key, val);
}

exports.applyReviver = applyReviver;


/***/ }),

/***/ 2404:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Alias = __nccwpck_require__(4065);
var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);

const defaultTagPrefix = 'tag:yaml.org,2002:';
function findTagObject(value, tagName, tags) {
    if (tagName) {
        const match = tags.filter(t => t.tag === tagName);
        const tagObj = match.find(t => !t.format) ?? match[0];
        if (!tagObj)
            throw new Error(`Tag ${tagName} not found`);
        return tagObj;
    }
    return tags.find(t => t.identify?.(value) && !t.format);
}
function createNode(value, tagName, ctx) {
    if (identity.isDocument(value))
        value = value.contents;
    if (identity.isNode(value))
        return value;
    if (identity.isPair(value)) {
        const map = ctx.schema[identity.MAP].createNode?.(ctx.schema, null, ctx);
        map.items.push(value);
        return map;
    }
    if (value instanceof String ||
        value instanceof Number ||
        value instanceof Boolean ||
        (typeof BigInt !== 'undefined' && value instanceof BigInt) // not supported everywhere
    ) {
        // https://tc39.es/ecma262/#sec-serializejsonproperty
        value = value.valueOf();
    }
    const { aliasDuplicateObjects, onAnchor, onTagObj, schema, sourceObjects } = ctx;
    // Detect duplicate references to the same object & use Alias nodes for all
    // after first. The `ref` wrapper allows for circular references to resolve.
    let ref = undefined;
    if (aliasDuplicateObjects && value && typeof value === 'object') {
        ref = sourceObjects.get(value);
        if (ref) {
            ref.anchor ?? (ref.anchor = onAnchor(value));
            return new Alias.Alias(ref.anchor);
        }
        else {
            ref = { anchor: null, node: null };
            sourceObjects.set(value, ref);
        }
    }
    if (tagName?.startsWith('!!'))
        tagName = defaultTagPrefix + tagName.slice(2);
    let tagObj = findTagObject(value, tagName, schema.tags);
    if (!tagObj) {
        if (value && typeof value.toJSON === 'function') {
            // eslint-disable-next-line @typescript-eslint/no-unsafe-call
            value = value.toJSON();
        }
        if (!value || typeof value !== 'object') {
            const node = new Scalar.Scalar(value);
            if (ref)
                ref.node = node;
            return node;
        }
        tagObj =
            value instanceof Map
                ? schema[identity.MAP]
                : Symbol.iterator in Object(value)
                    ? schema[identity.SEQ]
                    : schema[identity.MAP];
    }
    if (onTagObj) {
        onTagObj(tagObj);
        delete ctx.onTagObj;
    }
    const node = tagObj?.createNode
        ? tagObj.createNode(ctx.schema, value, ctx)
        : typeof tagObj?.nodeClass?.from === 'function'
            ? tagObj.nodeClass.from(ctx.schema, value, ctx)
            : new Scalar.Scalar(value);
    if (tagName)
        node.tag = tagName;
    else if (!tagObj.default)
        node.tag = tagObj.tag;
    if (ref)
        ref.node = node;
    return node;
}

exports.createNode = createNode;


/***/ }),

/***/ 1342:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var visit = __nccwpck_require__(204);

const escapeChars = {
    '!': '%21',
    ',': '%2C',
    '[': '%5B',
    ']': '%5D',
    '{': '%7B',
    '}': '%7D'
};
const escapeTagName = (tn) => tn.replace(/[!,[\]{}]/g, ch => escapeChars[ch]);
class Directives {
    constructor(yaml, tags) {
        /**
         * The directives-end/doc-start marker `---`. If `null`, a marker may still be
         * included in the document's stringified representation.
         */
        this.docStart = null;
        /** The doc-end marker `...`.  */
        this.docEnd = false;
        this.yaml = Object.assign({}, Directives.defaultYaml, yaml);
        this.tags = Object.assign({}, Directives.defaultTags, tags);
    }
    clone() {
        const copy = new Directives(this.yaml, this.tags);
        copy.docStart = this.docStart;
        return copy;
    }
    /**
     * During parsing, get a Directives instance for the current document and
     * update the stream state according to the current version's spec.
     */
    atDocument() {
        const res = new Directives(this.yaml, this.tags);
        switch (this.yaml.version) {
            case '1.1':
                this.atNextDocument = true;
                break;
            case '1.2':
                this.atNextDocument = false;
                this.yaml = {
                    explicit: Directives.defaultYaml.explicit,
                    version: '1.2'
                };
                this.tags = Object.assign({}, Directives.defaultTags);
                break;
        }
        return res;
    }
    /**
     * @param onError - May be called even if the action was successful
     * @returns `true` on success
     */
    add(line, onError) {
        if (this.atNextDocument) {
            this.yaml = { explicit: Directives.defaultYaml.explicit, version: '1.1' };
            this.tags = Object.assign({}, Directives.defaultTags);
            this.atNextDocument = false;
        }
        const parts = line.trim().split(/[ \t]+/);
        const name = parts.shift();
        switch (name) {
            case '%TAG': {
                if (parts.length !== 2) {
                    onError(0, '%TAG directive should contain exactly two parts');
                    if (parts.length < 2)
                        return false;
                }
                const [handle, prefix] = parts;
                this.tags[handle] = prefix;
                return true;
            }
            case '%YAML': {
                this.yaml.explicit = true;
                if (parts.length !== 1) {
                    onError(0, '%YAML directive should contain exactly one part');
                    return false;
                }
                const [version] = parts;
                if (version === '1.1' || version === '1.2') {
                    this.yaml.version = version;
                    return true;
                }
                else {
                    const isValid = /^\d+\.\d+$/.test(version);
                    onError(6, `Unsupported YAML version ${version}`, isValid);
                    return false;
                }
            }
            default:
                onError(0, `Unknown directive ${name}`, true);
                return false;
        }
    }
    /**
     * Resolves a tag, matching handles to those defined in %TAG directives.
     *
     * @returns Resolved tag, which may also be the non-specific tag `'!'` or a
     *   `'!local'` tag, or `null` if unresolvable.
     */
    tagName(source, onError) {
        if (source === '!')
            return '!'; // non-specific tag
        if (source[0] !== '!') {
            onError(`Not a valid tag: ${source}`);
            return null;
        }
        if (source[1] === '<') {
            const verbatim = source.slice(2, -1);
            if (verbatim === '!' || verbatim === '!!') {
                onError(`Verbatim tags aren't resolved, so ${source} is invalid.`);
                return null;
            }
            if (source[source.length - 1] !== '>')
                onError('Verbatim tags must end with a >');
            return verbatim;
        }
        const [, handle, suffix] = source.match(/^(.*!)([^!]*)$/s);
        if (!suffix)
            onError(`The ${source} tag has no suffix`);
        const prefix = this.tags[handle];
        if (prefix) {
            try {
                return prefix + decodeURIComponent(suffix);
            }
            catch (error) {
                onError(String(error));
                return null;
            }
        }
        if (handle === '!')
            return source; // local tag
        onError(`Could not resolve tag: ${source}`);
        return null;
    }
    /**
     * Given a fully resolved tag, returns its printable string form,
     * taking into account current tag prefixes and defaults.
     */
    tagString(tag) {
        for (const [handle, prefix] of Object.entries(this.tags)) {
            if (tag.startsWith(prefix))
                return handle + escapeTagName(tag.substring(prefix.length));
        }
        return tag[0] === '!' ? tag : `!<${tag}>`;
    }
    toString(doc) {
        const lines = this.yaml.explicit
            ? [`%YAML ${this.yaml.version || '1.2'}`]
            : [];
        const tagEntries = Object.entries(this.tags);
        let tagNames;
        if (doc && tagEntries.length > 0 && identity.isNode(doc.contents)) {
            const tags = {};
            visit.visit(doc.contents, (_key, node) => {
                if (identity.isNode(node) && node.tag)
                    tags[node.tag] = true;
            });
            tagNames = Object.keys(tags);
        }
        else
            tagNames = [];
        for (const [handle, prefix] of tagEntries) {
            if (handle === '!!' && prefix === 'tag:yaml.org,2002:')
                continue;
            if (!doc || tagNames.some(tn => tn.startsWith(prefix)))
                lines.push(`%TAG ${handle} ${prefix}`);
        }
        return lines.join('\n');
    }
}
Directives.defaultYaml = { explicit: false, version: '1.2' };
Directives.defaultTags = { '!!': 'tag:yaml.org,2002:' };

exports.Directives = Directives;


/***/ }),

/***/ 1464:
/***/ ((__unused_webpack_module, exports) => {



class YAMLError extends Error {
    constructor(name, pos, code, message) {
        super();
        this.name = name;
        this.code = code;
        this.message = message;
        this.pos = pos;
    }
}
class YAMLParseError extends YAMLError {
    constructor(pos, code, message) {
        super('YAMLParseError', pos, code, message);
    }
}
class YAMLWarning extends YAMLError {
    constructor(pos, code, message) {
        super('YAMLWarning', pos, code, message);
    }
}
const prettifyError = (src, lc) => (error) => {
    if (error.pos[0] === -1)
        return;
    error.linePos = error.pos.map(pos => lc.linePos(pos));
    const { line, col } = error.linePos[0];
    error.message += ` at line ${line}, column ${col}`;
    let ci = col - 1;
    let lineStr = src
        .substring(lc.lineStarts[line - 1], lc.lineStarts[line])
        .replace(/[\n\r]+$/, '');
    // Trim to max 80 chars, keeping col position near the middle
    if (ci >= 60 && lineStr.length > 80) {
        const trimStart = Math.min(ci - 39, lineStr.length - 79);
        lineStr = '…' + lineStr.substring(trimStart);
        ci -= trimStart - 1;
    }
    if (lineStr.length > 80)
        lineStr = lineStr.substring(0, 79) + '…';
    // Include previous line in context if pointing at line start
    if (line > 1 && /^ *$/.test(lineStr.substring(0, ci))) {
        // Regexp won't match if start is trimmed
        let prev = src.substring(lc.lineStarts[line - 2], lc.lineStarts[line - 1]);
        if (prev.length > 80)
            prev = prev.substring(0, 79) + '…\n';
        lineStr = prev + lineStr;
    }
    if (/[^ ]/.test(lineStr)) {
        let count = 1;
        const end = error.linePos[1];
        if (end?.line === line && end.col > col) {
            count = Math.max(1, Math.min(end.col - col, 80 - ci));
        }
        const pointer = ' '.repeat(ci) + '^'.repeat(count);
        error.message += `:\n\n${lineStr}\n${pointer}\n`;
    }
};

exports.YAMLError = YAMLError;
exports.YAMLParseError = YAMLParseError;
exports.YAMLWarning = YAMLWarning;
exports.prettifyError = prettifyError;


/***/ }),

/***/ 8815:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

var __webpack_unused_export__;


var composer = __nccwpck_require__(9984);
var Document = __nccwpck_require__(3021);
var Schema = __nccwpck_require__(5840);
var errors = __nccwpck_require__(1464);
var Alias = __nccwpck_require__(4065);
var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var Scalar = __nccwpck_require__(3301);
var YAMLMap = __nccwpck_require__(4454);
var YAMLSeq = __nccwpck_require__(2223);
var cst = __nccwpck_require__(3461);
var lexer = __nccwpck_require__(361);
var lineCounter = __nccwpck_require__(6628);
var parser = __nccwpck_require__(3456);
var publicApi = __nccwpck_require__(4047);
var visit = __nccwpck_require__(204);



__webpack_unused_export__ = composer.Composer;
__webpack_unused_export__ = Document.Document;
__webpack_unused_export__ = Schema.Schema;
__webpack_unused_export__ = errors.YAMLError;
__webpack_unused_export__ = errors.YAMLParseError;
__webpack_unused_export__ = errors.YAMLWarning;
__webpack_unused_export__ = Alias.Alias;
__webpack_unused_export__ = identity.isAlias;
__webpack_unused_export__ = identity.isCollection;
__webpack_unused_export__ = identity.isDocument;
exports.jh = identity.isMap;
__webpack_unused_export__ = identity.isNode;
__webpack_unused_export__ = identity.isPair;
exports.jn = identity.isScalar;
exports.oP = identity.isSeq;
__webpack_unused_export__ = Pair.Pair;
__webpack_unused_export__ = Scalar.Scalar;
__webpack_unused_export__ = YAMLMap.YAMLMap;
__webpack_unused_export__ = YAMLSeq.YAMLSeq;
__webpack_unused_export__ = cst;
__webpack_unused_export__ = lexer.Lexer;
exports.HN = lineCounter.LineCounter;
__webpack_unused_export__ = parser.Parser;
__webpack_unused_export__ = publicApi.parse;
__webpack_unused_export__ = publicApi.parseAllDocuments;
exports.Tp = publicApi.parseDocument;
__webpack_unused_export__ = publicApi.stringify;
__webpack_unused_export__ = visit.visit;
__webpack_unused_export__ = visit.visitAsync;


/***/ }),

/***/ 7249:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var node_process = __nccwpck_require__(932);

function debug(logLevel, ...messages) {
    if (logLevel === 'debug')
        console.log(...messages);
}
function warn(logLevel, warning) {
    if (logLevel === 'debug' || logLevel === 'warn') {
        if (typeof node_process.emitWarning === 'function')
            node_process.emitWarning(warning);
        else
            console.warn(warning);
    }
}

exports.debug = debug;
exports.warn = warn;


/***/ }),

/***/ 4065:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var anchors = __nccwpck_require__(1596);
var visit = __nccwpck_require__(204);
var identity = __nccwpck_require__(1127);
var Node = __nccwpck_require__(6673);
var toJS = __nccwpck_require__(4043);

class Alias extends Node.NodeBase {
    constructor(source) {
        super(identity.ALIAS);
        this.source = source;
        Object.defineProperty(this, 'tag', {
            set() {
                throw new Error('Alias nodes cannot have tags');
            }
        });
    }
    /**
     * Resolve the value of this alias within `doc`, finding the last
     * instance of the `source` anchor before this node.
     */
    resolve(doc, ctx) {
        if (ctx?.maxAliasCount === 0)
            throw new ReferenceError('Alias resolution is disabled');
        let nodes;
        if (ctx?.aliasResolveCache) {
            nodes = ctx.aliasResolveCache;
        }
        else {
            nodes = [];
            visit.visit(doc, {
                Node: (_key, node) => {
                    if (identity.isAlias(node) || identity.hasAnchor(node))
                        nodes.push(node);
                }
            });
            if (ctx)
                ctx.aliasResolveCache = nodes;
        }
        let found = undefined;
        for (const node of nodes) {
            if (node === this)
                break;
            if (node.anchor === this.source)
                found = node;
        }
        if (found && ctx) {
            const { anchors, doc, maxAliasCount } = ctx;
            let data = anchors.get(found);
            if (!data) {
                // Resolve anchors for Node.prototype.toJS()
                toJS.toJS(found, null, ctx);
                data = anchors.get(found);
            }
            /* istanbul ignore if */
            if (data?.res === undefined) {
                const msg = 'This should not happen: Alias anchor was not resolved?';
                throw new ReferenceError(msg);
            }
            if (maxAliasCount >= 0) {
                data.count += 1;
                if (data.aliasCount === 0)
                    data.aliasCount = getAliasCount(doc, found, anchors);
                if (data.count * data.aliasCount > maxAliasCount) {
                    const msg = 'Excessive alias count indicates a resource exhaustion attack';
                    throw new ReferenceError(msg);
                }
            }
        }
        return found;
    }
    toJSON(_arg, ctx) {
        if (!ctx)
            return { source: this.source };
        const source = this.resolve(ctx.doc, ctx);
        if (!source) {
            const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
            throw new ReferenceError(msg);
        }
        return ctx.anchors.get(source).res;
    }
    toString(ctx, _onComment, _onChompKeep) {
        const src = `*${this.source}`;
        if (ctx) {
            anchors.anchorIsValid(this.source);
            if (ctx.options.verifyAliasOrder && !ctx.anchors.has(this.source)) {
                const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
                throw new Error(msg);
            }
            if (ctx.implicitKey)
                return `${src} `;
        }
        return src;
    }
}
function getAliasCount(doc, node, anchors) {
    if (identity.isAlias(node)) {
        const source = node.resolve(doc);
        const anchor = anchors && source && anchors.get(source);
        return anchor ? anchor.count * anchor.aliasCount : 0;
    }
    else if (identity.isCollection(node)) {
        let count = 0;
        for (const item of node.items) {
            const c = getAliasCount(doc, item, anchors);
            if (c > count)
                count = c;
        }
        return count;
    }
    else if (identity.isPair(node)) {
        const kc = getAliasCount(doc, node.key, anchors);
        const vc = getAliasCount(doc, node.value, anchors);
        return Math.max(kc, vc);
    }
    return 1;
}

exports.Alias = Alias;


/***/ }),

/***/ 101:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var createNode = __nccwpck_require__(2404);
var identity = __nccwpck_require__(1127);
var Node = __nccwpck_require__(6673);

function collectionFromPath(schema, path, value) {
    let v = value;
    for (let i = path.length - 1; i >= 0; --i) {
        const k = path[i];
        if (typeof k === 'number' && Number.isInteger(k) && k >= 0) {
            const a = [];
            a[k] = v;
            v = a;
        }
        else {
            v = new Map([[k, v]]);
        }
    }
    return createNode.createNode(v, undefined, {
        aliasDuplicateObjects: false,
        keepUndefined: false,
        onAnchor: () => {
            throw new Error('This should not happen, please report a bug.');
        },
        schema,
        sourceObjects: new Map()
    });
}
// Type guard is intentionally a little wrong so as to be more useful,
// as it does not cover untypable empty non-string iterables (e.g. []).
const isEmptyPath = (path) => path == null ||
    (typeof path === 'object' && !!path[Symbol.iterator]().next().done);
class Collection extends Node.NodeBase {
    constructor(type, schema) {
        super(type);
        Object.defineProperty(this, 'schema', {
            value: schema,
            configurable: true,
            enumerable: false,
            writable: true
        });
    }
    /**
     * Create a copy of this collection.
     *
     * @param schema - If defined, overwrites the original's schema
     */
    clone(schema) {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (schema)
            copy.schema = schema;
        copy.items = copy.items.map(it => identity.isNode(it) || identity.isPair(it) ? it.clone(schema) : it);
        if (this.range)
            copy.range = this.range.slice();
        return copy;
    }
    /**
     * Adds a value to the collection. For `!!map` and `!!omap` the value must
     * be a Pair instance or a `{ key, value }` object, which may not have a key
     * that already exists in the map.
     */
    addIn(path, value) {
        if (isEmptyPath(path))
            this.add(value);
        else {
            const [key, ...rest] = path;
            const node = this.get(key, true);
            if (identity.isCollection(node))
                node.addIn(rest, value);
            else if (node === undefined && this.schema)
                this.set(key, collectionFromPath(this.schema, rest, value));
            else
                throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
    }
    /**
     * Removes a value from the collection.
     * @returns `true` if the item was found and removed.
     */
    deleteIn(path) {
        const [key, ...rest] = path;
        if (rest.length === 0)
            return this.delete(key);
        const node = this.get(key, true);
        if (identity.isCollection(node))
            return node.deleteIn(rest);
        else
            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
    }
    /**
     * Returns item at `key`, or `undefined` if not found. By default unwraps
     * scalar values from their surrounding node; to disable set `keepScalar` to
     * `true` (collections are always returned intact).
     */
    getIn(path, keepScalar) {
        const [key, ...rest] = path;
        const node = this.get(key, true);
        if (rest.length === 0)
            return !keepScalar && identity.isScalar(node) ? node.value : node;
        else
            return identity.isCollection(node) ? node.getIn(rest, keepScalar) : undefined;
    }
    hasAllNullValues(allowScalar) {
        return this.items.every(node => {
            if (!identity.isPair(node))
                return false;
            const n = node.value;
            return (n == null ||
                (allowScalar &&
                    identity.isScalar(n) &&
                    n.value == null &&
                    !n.commentBefore &&
                    !n.comment &&
                    !n.tag));
        });
    }
    /**
     * Checks if the collection includes a value with the key `key`.
     */
    hasIn(path) {
        const [key, ...rest] = path;
        if (rest.length === 0)
            return this.has(key);
        const node = this.get(key, true);
        return identity.isCollection(node) ? node.hasIn(rest) : false;
    }
    /**
     * Sets a value in this collection. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     */
    setIn(path, value) {
        const [key, ...rest] = path;
        if (rest.length === 0) {
            this.set(key, value);
        }
        else {
            const node = this.get(key, true);
            if (identity.isCollection(node))
                node.setIn(rest, value);
            else if (node === undefined && this.schema)
                this.set(key, collectionFromPath(this.schema, rest, value));
            else
                throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
    }
}

exports.Collection = Collection;
exports.collectionFromPath = collectionFromPath;
exports.isEmptyPath = isEmptyPath;


/***/ }),

/***/ 6673:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var applyReviver = __nccwpck_require__(3661);
var identity = __nccwpck_require__(1127);
var toJS = __nccwpck_require__(4043);

class NodeBase {
    constructor(type) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: type });
    }
    /** Create a copy of this node.  */
    clone() {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (this.range)
            copy.range = this.range.slice();
        return copy;
    }
    /** A plain JavaScript representation of this node. */
    toJS(doc, { mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        if (!identity.isDocument(doc))
            throw new TypeError('A document argument is required');
        const ctx = {
            anchors: new Map(),
            doc,
            keep: true,
            mapAsMap: mapAsMap === true,
            mapKeyWarned: false,
            maxAliasCount: typeof maxAliasCount === 'number' ? maxAliasCount : 100
        };
        const res = toJS.toJS(this, '', ctx);
        if (typeof onAnchor === 'function')
            for (const { count, res } of ctx.anchors.values())
                onAnchor(res, count);
        return typeof reviver === 'function'
            ? applyReviver.applyReviver(reviver, { '': res }, '', res)
            : res;
    }
}

exports.NodeBase = NodeBase;


/***/ }),

/***/ 7165:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var createNode = __nccwpck_require__(2404);
var stringifyPair = __nccwpck_require__(9748);
var addPairToJSMap = __nccwpck_require__(7104);
var identity = __nccwpck_require__(1127);

function createPair(key, value, ctx) {
    const k = createNode.createNode(key, undefined, ctx);
    const v = createNode.createNode(value, undefined, ctx);
    return new Pair(k, v);
}
class Pair {
    constructor(key, value = null) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.PAIR });
        this.key = key;
        this.value = value;
    }
    clone(schema) {
        let { key, value } = this;
        if (identity.isNode(key))
            key = key.clone(schema);
        if (identity.isNode(value))
            value = value.clone(schema);
        return new Pair(key, value);
    }
    toJSON(_, ctx) {
        const pair = ctx?.mapAsMap ? new Map() : {};
        return addPairToJSMap.addPairToJSMap(ctx, pair, this);
    }
    toString(ctx, onComment, onChompKeep) {
        return ctx?.doc
            ? stringifyPair.stringifyPair(this, ctx, onComment, onChompKeep)
            : JSON.stringify(this);
    }
}

exports.Pair = Pair;
exports.createPair = createPair;


/***/ }),

/***/ 3301:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Node = __nccwpck_require__(6673);
var toJS = __nccwpck_require__(4043);

const isScalarValue = (value) => !value || (typeof value !== 'function' && typeof value !== 'object');
class Scalar extends Node.NodeBase {
    constructor(value) {
        super(identity.SCALAR);
        this.value = value;
    }
    toJSON(arg, ctx) {
        return ctx?.keep ? this.value : toJS.toJS(this.value, arg, ctx);
    }
    toString() {
        return String(this.value);
    }
}
Scalar.BLOCK_FOLDED = 'BLOCK_FOLDED';
Scalar.BLOCK_LITERAL = 'BLOCK_LITERAL';
Scalar.PLAIN = 'PLAIN';
Scalar.QUOTE_DOUBLE = 'QUOTE_DOUBLE';
Scalar.QUOTE_SINGLE = 'QUOTE_SINGLE';

exports.Scalar = Scalar;
exports.isScalarValue = isScalarValue;


/***/ }),

/***/ 4454:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyCollection = __nccwpck_require__(1212);
var addPairToJSMap = __nccwpck_require__(7104);
var Collection = __nccwpck_require__(101);
var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var Scalar = __nccwpck_require__(3301);

function findPair(items, key) {
    const k = identity.isScalar(key) ? key.value : key;
    for (const it of items) {
        if (identity.isPair(it)) {
            if (it.key === key || it.key === k)
                return it;
            if (identity.isScalar(it.key) && it.key.value === k)
                return it;
        }
    }
    return undefined;
}
class YAMLMap extends Collection.Collection {
    static get tagName() {
        return 'tag:yaml.org,2002:map';
    }
    constructor(schema) {
        super(identity.MAP, schema);
        this.items = [];
    }
    /**
     * A generic collection parsing method that can be extended
     * to other node classes that inherit from YAMLMap
     */
    static from(schema, obj, ctx) {
        const { keepUndefined, replacer } = ctx;
        const map = new this(schema);
        const add = (key, value) => {
            if (typeof replacer === 'function')
                value = replacer.call(obj, key, value);
            else if (Array.isArray(replacer) && !replacer.includes(key))
                return;
            if (value !== undefined || keepUndefined)
                map.items.push(Pair.createPair(key, value, ctx));
        };
        if (obj instanceof Map) {
            for (const [key, value] of obj)
                add(key, value);
        }
        else if (obj && typeof obj === 'object') {
            for (const key of Object.keys(obj))
                add(key, obj[key]);
        }
        if (typeof schema.sortMapEntries === 'function') {
            map.items.sort(schema.sortMapEntries);
        }
        return map;
    }
    /**
     * Adds a value to the collection.
     *
     * @param overwrite - If not set `true`, using a key that is already in the
     *   collection will throw. Otherwise, overwrites the previous value.
     */
    add(pair, overwrite) {
        let _pair;
        if (identity.isPair(pair))
            _pair = pair;
        else if (!pair || typeof pair !== 'object' || !('key' in pair)) {
            // In TypeScript, this never happens.
            _pair = new Pair.Pair(pair, pair?.value);
        }
        else
            _pair = new Pair.Pair(pair.key, pair.value);
        const prev = findPair(this.items, _pair.key);
        const sortEntries = this.schema?.sortMapEntries;
        if (prev) {
            if (!overwrite)
                throw new Error(`Key ${_pair.key} already set`);
            // For scalars, keep the old node & its comments and anchors
            if (identity.isScalar(prev.value) && Scalar.isScalarValue(_pair.value))
                prev.value.value = _pair.value;
            else
                prev.value = _pair.value;
        }
        else if (sortEntries) {
            const i = this.items.findIndex(item => sortEntries(_pair, item) < 0);
            if (i === -1)
                this.items.push(_pair);
            else
                this.items.splice(i, 0, _pair);
        }
        else {
            this.items.push(_pair);
        }
    }
    delete(key) {
        const it = findPair(this.items, key);
        if (!it)
            return false;
        const del = this.items.splice(this.items.indexOf(it), 1);
        return del.length > 0;
    }
    get(key, keepScalar) {
        const it = findPair(this.items, key);
        const node = it?.value;
        return (!keepScalar && identity.isScalar(node) ? node.value : node) ?? undefined;
    }
    has(key) {
        return !!findPair(this.items, key);
    }
    set(key, value) {
        this.add(new Pair.Pair(key, value), true);
    }
    /**
     * @param ctx - Conversion context, originally set in Document#toJS()
     * @param {Class} Type - If set, forces the returned collection type
     * @returns Instance of Type, Map, or Object
     */
    toJSON(_, ctx, Type) {
        const map = Type ? new Type() : ctx?.mapAsMap ? new Map() : {};
        if (ctx?.onCreate)
            ctx.onCreate(map);
        for (const item of this.items)
            addPairToJSMap.addPairToJSMap(ctx, map, item);
        return map;
    }
    toString(ctx, onComment, onChompKeep) {
        if (!ctx)
            return JSON.stringify(this);
        for (const item of this.items) {
            if (!identity.isPair(item))
                throw new Error(`Map items must all be pairs; found ${JSON.stringify(item)} instead`);
        }
        if (!ctx.allNullValues && this.hasAllNullValues(false))
            ctx = Object.assign({}, ctx, { allNullValues: true });
        return stringifyCollection.stringifyCollection(this, ctx, {
            blockItemPrefix: '',
            flowChars: { start: '{', end: '}' },
            itemIndent: ctx.indent || '',
            onChompKeep,
            onComment
        });
    }
}

exports.YAMLMap = YAMLMap;
exports.findPair = findPair;


/***/ }),

/***/ 2223:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var createNode = __nccwpck_require__(2404);
var stringifyCollection = __nccwpck_require__(1212);
var Collection = __nccwpck_require__(101);
var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);
var toJS = __nccwpck_require__(4043);

class YAMLSeq extends Collection.Collection {
    static get tagName() {
        return 'tag:yaml.org,2002:seq';
    }
    constructor(schema) {
        super(identity.SEQ, schema);
        this.items = [];
    }
    add(value) {
        this.items.push(value);
    }
    /**
     * Removes a value from the collection.
     *
     * `key` must contain a representation of an integer for this to succeed.
     * It may be wrapped in a `Scalar`.
     *
     * @returns `true` if the item was found and removed.
     */
    delete(key) {
        const idx = asItemIndex(key);
        if (typeof idx !== 'number')
            return false;
        const del = this.items.splice(idx, 1);
        return del.length > 0;
    }
    get(key, keepScalar) {
        const idx = asItemIndex(key);
        if (typeof idx !== 'number')
            return undefined;
        const it = this.items[idx];
        return !keepScalar && identity.isScalar(it) ? it.value : it;
    }
    /**
     * Checks if the collection includes a value with the key `key`.
     *
     * `key` must contain a representation of an integer for this to succeed.
     * It may be wrapped in a `Scalar`.
     */
    has(key) {
        const idx = asItemIndex(key);
        return typeof idx === 'number' && idx < this.items.length;
    }
    /**
     * Sets a value in this collection. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     *
     * If `key` does not contain a representation of an integer, this will throw.
     * It may be wrapped in a `Scalar`.
     */
    set(key, value) {
        const idx = asItemIndex(key);
        if (typeof idx !== 'number')
            throw new Error(`Expected a valid index, not ${key}.`);
        const prev = this.items[idx];
        if (identity.isScalar(prev) && Scalar.isScalarValue(value))
            prev.value = value;
        else
            this.items[idx] = value;
    }
    toJSON(_, ctx) {
        const seq = [];
        if (ctx?.onCreate)
            ctx.onCreate(seq);
        let i = 0;
        for (const item of this.items)
            seq.push(toJS.toJS(item, String(i++), ctx));
        return seq;
    }
    toString(ctx, onComment, onChompKeep) {
        if (!ctx)
            return JSON.stringify(this);
        return stringifyCollection.stringifyCollection(this, ctx, {
            blockItemPrefix: '- ',
            flowChars: { start: '[', end: ']' },
            itemIndent: (ctx.indent || '') + '  ',
            onChompKeep,
            onComment
        });
    }
    static from(schema, obj, ctx) {
        const { replacer } = ctx;
        const seq = new this(schema);
        if (obj && Symbol.iterator in Object(obj)) {
            let i = 0;
            for (let it of obj) {
                if (typeof replacer === 'function') {
                    const key = obj instanceof Set ? it : String(i++);
                    it = replacer.call(obj, key, it);
                }
                seq.items.push(createNode.createNode(it, undefined, ctx));
            }
        }
        return seq;
    }
}
function asItemIndex(key) {
    let idx = identity.isScalar(key) ? key.value : key;
    if (idx && typeof idx === 'string')
        idx = Number(idx);
    return typeof idx === 'number' && Number.isInteger(idx) && idx >= 0
        ? idx
        : null;
}

exports.YAMLSeq = YAMLSeq;


/***/ }),

/***/ 7104:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var log = __nccwpck_require__(7249);
var merge = __nccwpck_require__(452);
var stringify = __nccwpck_require__(2148);
var identity = __nccwpck_require__(1127);
var toJS = __nccwpck_require__(4043);

function addPairToJSMap(ctx, map, { key, value }) {
    if (identity.isNode(key) && key.addToJSMap)
        key.addToJSMap(ctx, map, value);
    // TODO: Should drop this special case for bare << handling
    else if (merge.isMergeKey(ctx, key))
        merge.addMergeToJSMap(ctx, map, value);
    else {
        const jsKey = toJS.toJS(key, '', ctx);
        if (map instanceof Map) {
            map.set(jsKey, toJS.toJS(value, jsKey, ctx));
        }
        else if (map instanceof Set) {
            map.add(jsKey);
        }
        else {
            const stringKey = stringifyKey(key, jsKey, ctx);
            const jsValue = toJS.toJS(value, stringKey, ctx);
            if (stringKey in map)
                Object.defineProperty(map, stringKey, {
                    value: jsValue,
                    writable: true,
                    enumerable: true,
                    configurable: true
                });
            else
                map[stringKey] = jsValue;
        }
    }
    return map;
}
function stringifyKey(key, jsKey, ctx) {
    if (jsKey === null)
        return '';
    // eslint-disable-next-line @typescript-eslint/no-base-to-string
    if (typeof jsKey !== 'object')
        return String(jsKey);
    if (identity.isNode(key) && ctx?.doc) {
        const strCtx = stringify.createStringifyContext(ctx.doc, {});
        strCtx.anchors = new Set();
        for (const node of ctx.anchors.keys())
            strCtx.anchors.add(node.anchor);
        strCtx.inFlow = true;
        strCtx.inStringifyKey = true;
        const strKey = key.toString(strCtx);
        if (!ctx.mapKeyWarned) {
            let jsonStr = JSON.stringify(strKey);
            if (jsonStr.length > 40)
                jsonStr = jsonStr.substring(0, 36) + '..."';
            log.warn(ctx.doc.options.logLevel, `Keys with collection values will be stringified due to JS Object restrictions: ${jsonStr}. Set mapAsMap: true to use object keys.`);
            ctx.mapKeyWarned = true;
        }
        return strKey;
    }
    return JSON.stringify(jsKey);
}

exports.addPairToJSMap = addPairToJSMap;


/***/ }),

/***/ 1127:
/***/ ((__unused_webpack_module, exports) => {



const ALIAS = Symbol.for('yaml.alias');
const DOC = Symbol.for('yaml.document');
const MAP = Symbol.for('yaml.map');
const PAIR = Symbol.for('yaml.pair');
const SCALAR = Symbol.for('yaml.scalar');
const SEQ = Symbol.for('yaml.seq');
const NODE_TYPE = Symbol.for('yaml.node.type');
const isAlias = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === ALIAS;
const isDocument = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === DOC;
const isMap = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === MAP;
const isPair = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === PAIR;
const isScalar = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === SCALAR;
const isSeq = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === SEQ;
function isCollection(node) {
    if (node && typeof node === 'object')
        switch (node[NODE_TYPE]) {
            case MAP:
            case SEQ:
                return true;
        }
    return false;
}
function isNode(node) {
    if (node && typeof node === 'object')
        switch (node[NODE_TYPE]) {
            case ALIAS:
            case MAP:
            case SCALAR:
            case SEQ:
                return true;
        }
    return false;
}
const hasAnchor = (node) => (isScalar(node) || isCollection(node)) && !!node.anchor;

exports.ALIAS = ALIAS;
exports.DOC = DOC;
exports.MAP = MAP;
exports.NODE_TYPE = NODE_TYPE;
exports.PAIR = PAIR;
exports.SCALAR = SCALAR;
exports.SEQ = SEQ;
exports.hasAnchor = hasAnchor;
exports.isAlias = isAlias;
exports.isCollection = isCollection;
exports.isDocument = isDocument;
exports.isMap = isMap;
exports.isNode = isNode;
exports.isPair = isPair;
exports.isScalar = isScalar;
exports.isSeq = isSeq;


/***/ }),

/***/ 4043:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);

/**
 * Recursively convert any node or its contents to native JavaScript
 *
 * @param value - The input value
 * @param arg - If `value` defines a `toJSON()` method, use this
 *   as its first argument
 * @param ctx - Conversion context, originally set in Document#toJS(). If
 *   `{ keep: true }` is not set, output should be suitable for JSON
 *   stringification.
 */
function toJS(value, arg, ctx) {
    // eslint-disable-next-line @typescript-eslint/no-unsafe-return
    if (Array.isArray(value))
        return value.map((v, i) => toJS(v, String(i), ctx));
    if (value && typeof value.toJSON === 'function') {
        // eslint-disable-next-line @typescript-eslint/no-unsafe-call
        if (!ctx || !identity.hasAnchor(value))
            return value.toJSON(arg, ctx);
        const data = { aliasCount: 0, count: 1, res: undefined };
        ctx.anchors.set(value, data);
        ctx.onCreate = res => {
            data.res = res;
            delete ctx.onCreate;
        };
        const res = value.toJSON(arg, ctx);
        if (ctx.onCreate)
            ctx.onCreate(res);
        return res;
    }
    if (typeof value === 'bigint' && !ctx?.keep)
        return Number(value);
    return value;
}

exports.toJS = toJS;


/***/ }),

/***/ 110:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var resolveBlockScalar = __nccwpck_require__(8913);
var resolveFlowScalar = __nccwpck_require__(6842);
var errors = __nccwpck_require__(1464);
var stringifyString = __nccwpck_require__(3069);

function resolveAsScalar(token, strict = true, onError) {
    if (token) {
        const _onError = (pos, code, message) => {
            const offset = typeof pos === 'number' ? pos : Array.isArray(pos) ? pos[0] : pos.offset;
            if (onError)
                onError(offset, code, message);
            else
                throw new errors.YAMLParseError([offset, offset + 1], code, message);
        };
        switch (token.type) {
            case 'scalar':
            case 'single-quoted-scalar':
            case 'double-quoted-scalar':
                return resolveFlowScalar.resolveFlowScalar(token, strict, _onError);
            case 'block-scalar':
                return resolveBlockScalar.resolveBlockScalar({ options: { strict } }, token, _onError);
        }
    }
    return null;
}
/**
 * Create a new scalar token with `value`
 *
 * Values that represent an actual string but may be parsed as a different type should use a `type` other than `'PLAIN'`,
 * as this function does not support any schema operations and won't check for such conflicts.
 *
 * @param value The string representation of the value, which will have its content properly indented.
 * @param context.end Comments and whitespace after the end of the value, or after the block scalar header. If undefined, a newline will be added.
 * @param context.implicitKey Being within an implicit key may affect the resolved type of the token's value.
 * @param context.indent The indent level of the token.
 * @param context.inFlow Is this scalar within a flow collection? This may affect the resolved type of the token's value.
 * @param context.offset The offset position of the token.
 * @param context.type The preferred type of the scalar token. If undefined, the previous type of the `token` will be used, defaulting to `'PLAIN'`.
 */
function createScalarToken(value, context) {
    const { implicitKey = false, indent, inFlow = false, offset = -1, type = 'PLAIN' } = context;
    const source = stringifyString.stringifyString({ type, value }, {
        implicitKey,
        indent: indent > 0 ? ' '.repeat(indent) : '',
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
    });
    const end = context.end ?? [
        { type: 'newline', offset: -1, indent, source: '\n' }
    ];
    switch (source[0]) {
        case '|':
        case '>': {
            const he = source.indexOf('\n');
            const head = source.substring(0, he);
            const body = source.substring(he + 1) + '\n';
            const props = [
                { type: 'block-scalar-header', offset, indent, source: head }
            ];
            if (!addEndtoBlockProps(props, end))
                props.push({ type: 'newline', offset: -1, indent, source: '\n' });
            return { type: 'block-scalar', offset, indent, props, source: body };
        }
        case '"':
            return { type: 'double-quoted-scalar', offset, indent, source, end };
        case "'":
            return { type: 'single-quoted-scalar', offset, indent, source, end };
        default:
            return { type: 'scalar', offset, indent, source, end };
    }
}
/**
 * Set the value of `token` to the given string `value`, overwriting any previous contents and type that it may have.
 *
 * Best efforts are made to retain any comments previously associated with the `token`,
 * though all contents within a collection's `items` will be overwritten.
 *
 * Values that represent an actual string but may be parsed as a different type should use a `type` other than `'PLAIN'`,
 * as this function does not support any schema operations and won't check for such conflicts.
 *
 * @param token Any token. If it does not include an `indent` value, the value will be stringified as if it were an implicit key.
 * @param value The string representation of the value, which will have its content properly indented.
 * @param context.afterKey In most cases, values after a key should have an additional level of indentation.
 * @param context.implicitKey Being within an implicit key may affect the resolved type of the token's value.
 * @param context.inFlow Being within a flow collection may affect the resolved type of the token's value.
 * @param context.type The preferred type of the scalar token. If undefined, the previous type of the `token` will be used, defaulting to `'PLAIN'`.
 */
function setScalarValue(token, value, context = {}) {
    let { afterKey = false, implicitKey = false, inFlow = false, type } = context;
    let indent = 'indent' in token ? token.indent : null;
    if (afterKey && typeof indent === 'number')
        indent += 2;
    if (!type)
        switch (token.type) {
            case 'single-quoted-scalar':
                type = 'QUOTE_SINGLE';
                break;
            case 'double-quoted-scalar':
                type = 'QUOTE_DOUBLE';
                break;
            case 'block-scalar': {
                const header = token.props[0];
                if (header.type !== 'block-scalar-header')
                    throw new Error('Invalid block scalar header');
                type = header.source[0] === '>' ? 'BLOCK_FOLDED' : 'BLOCK_LITERAL';
                break;
            }
            default:
                type = 'PLAIN';
        }
    const source = stringifyString.stringifyString({ type, value }, {
        implicitKey: implicitKey || indent === null,
        indent: indent !== null && indent > 0 ? ' '.repeat(indent) : '',
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
    });
    switch (source[0]) {
        case '|':
        case '>':
            setBlockScalarValue(token, source);
            break;
        case '"':
            setFlowScalarValue(token, source, 'double-quoted-scalar');
            break;
        case "'":
            setFlowScalarValue(token, source, 'single-quoted-scalar');
            break;
        default:
            setFlowScalarValue(token, source, 'scalar');
    }
}
function setBlockScalarValue(token, source) {
    const he = source.indexOf('\n');
    const head = source.substring(0, he);
    const body = source.substring(he + 1) + '\n';
    if (token.type === 'block-scalar') {
        const header = token.props[0];
        if (header.type !== 'block-scalar-header')
            throw new Error('Invalid block scalar header');
        header.source = head;
        token.source = body;
    }
    else {
        const { offset } = token;
        const indent = 'indent' in token ? token.indent : -1;
        const props = [
            { type: 'block-scalar-header', offset, indent, source: head }
        ];
        if (!addEndtoBlockProps(props, 'end' in token ? token.end : undefined))
            props.push({ type: 'newline', offset: -1, indent, source: '\n' });
        for (const key of Object.keys(token))
            if (key !== 'type' && key !== 'offset')
                delete token[key];
        Object.assign(token, { type: 'block-scalar', indent, props, source: body });
    }
}
/** @returns `true` if last token is a newline */
function addEndtoBlockProps(props, end) {
    if (end)
        for (const st of end)
            switch (st.type) {
                case 'space':
                case 'comment':
                    props.push(st);
                    break;
                case 'newline':
                    props.push(st);
                    return true;
            }
    return false;
}
function setFlowScalarValue(token, source, type) {
    switch (token.type) {
        case 'scalar':
        case 'double-quoted-scalar':
        case 'single-quoted-scalar':
            token.type = type;
            token.source = source;
            break;
        case 'block-scalar': {
            const end = token.props.slice(1);
            let oa = source.length;
            if (token.props[0].type === 'block-scalar-header')
                oa -= token.props[0].source.length;
            for (const tok of end)
                tok.offset += oa;
            delete token.props;
            Object.assign(token, { type, source, end });
            break;
        }
        case 'block-map':
        case 'block-seq': {
            const offset = token.offset + source.length;
            const nl = { type: 'newline', offset, indent: token.indent, source: '\n' };
            delete token.items;
            Object.assign(token, { type, source, end: [nl] });
            break;
        }
        default: {
            const indent = 'indent' in token ? token.indent : -1;
            const end = 'end' in token && Array.isArray(token.end)
                ? token.end.filter(st => st.type === 'space' ||
                    st.type === 'comment' ||
                    st.type === 'newline')
                : [];
            for (const key of Object.keys(token))
                if (key !== 'type' && key !== 'offset')
                    delete token[key];
            Object.assign(token, { type, indent, source, end });
        }
    }
}

exports.createScalarToken = createScalarToken;
exports.resolveAsScalar = resolveAsScalar;
exports.setScalarValue = setScalarValue;


/***/ }),

/***/ 1733:
/***/ ((__unused_webpack_module, exports) => {



/**
 * Stringify a CST document, token, or collection item
 *
 * Fair warning: This applies no validation whatsoever, and
 * simply concatenates the sources in their logical order.
 */
const stringify = (cst) => 'type' in cst ? stringifyToken(cst) : stringifyItem(cst);
function stringifyToken(token) {
    switch (token.type) {
        case 'block-scalar': {
            let res = '';
            for (const tok of token.props)
                res += stringifyToken(tok);
            return res + token.source;
        }
        case 'block-map':
        case 'block-seq': {
            let res = '';
            for (const item of token.items)
                res += stringifyItem(item);
            return res;
        }
        case 'flow-collection': {
            let res = token.start.source;
            for (const item of token.items)
                res += stringifyItem(item);
            for (const st of token.end)
                res += st.source;
            return res;
        }
        case 'document': {
            let res = stringifyItem(token);
            if (token.end)
                for (const st of token.end)
                    res += st.source;
            return res;
        }
        default: {
            let res = token.source;
            if ('end' in token && token.end)
                for (const st of token.end)
                    res += st.source;
            return res;
        }
    }
}
function stringifyItem({ start, key, sep, value }) {
    let res = '';
    for (const st of start)
        res += st.source;
    if (key)
        res += stringifyToken(key);
    if (sep)
        for (const st of sep)
            res += st.source;
    if (value)
        res += stringifyToken(value);
    return res;
}

exports.stringify = stringify;


/***/ }),

/***/ 7715:
/***/ ((__unused_webpack_module, exports) => {



const BREAK = Symbol('break visit');
const SKIP = Symbol('skip children');
const REMOVE = Symbol('remove item');
/**
 * Apply a visitor to a CST document or item.
 *
 * Walks through the tree (depth-first) starting from the root, calling a
 * `visitor` function with two arguments when entering each item:
 *   - `item`: The current item, which included the following members:
 *     - `start: SourceToken[]` – Source tokens before the key or value,
 *       possibly including its anchor or tag.
 *     - `key?: Token | null` – Set for pair values. May then be `null`, if
 *       the key before the `:` separator is empty.
 *     - `sep?: SourceToken[]` – Source tokens between the key and the value,
 *       which should include the `:` map value indicator if `value` is set.
 *     - `value?: Token` – The value of a sequence item, or of a map pair.
 *   - `path`: The steps from the root to the current node, as an array of
 *     `['key' | 'value', number]` tuples.
 *
 * The return value of the visitor may be used to control the traversal:
 *   - `undefined` (default): Do nothing and continue
 *   - `visit.SKIP`: Do not visit the children of this token, continue with
 *      next sibling
 *   - `visit.BREAK`: Terminate traversal completely
 *   - `visit.REMOVE`: Remove the current item, then continue with the next one
 *   - `number`: Set the index of the next step. This is useful especially if
 *     the index of the current token has changed.
 *   - `function`: Define the next visitor for this item. After the original
 *     visitor is called on item entry, next visitors are called after handling
 *     a non-empty `key` and when exiting the item.
 */
function visit(cst, visitor) {
    if ('type' in cst && cst.type === 'document')
        cst = { start: cst.start, value: cst.value };
    _visit(Object.freeze([]), cst, visitor);
}
// Without the `as symbol` casts, TS declares these in the `visit`
// namespace using `var`, but then complains about that because
// `unique symbol` must be `const`.
/** Terminate visit traversal completely */
visit.BREAK = BREAK;
/** Do not visit the children of the current item */
visit.SKIP = SKIP;
/** Remove the current item */
visit.REMOVE = REMOVE;
/** Find the item at `path` from `cst` as the root */
visit.itemAtPath = (cst, path) => {
    let item = cst;
    for (const [field, index] of path) {
        const tok = item?.[field];
        if (tok && 'items' in tok) {
            item = tok.items[index];
        }
        else
            return undefined;
    }
    return item;
};
/**
 * Get the immediate parent collection of the item at `path` from `cst` as the root.
 *
 * Throws an error if the collection is not found, which should never happen if the item itself exists.
 */
visit.parentCollection = (cst, path) => {
    const parent = visit.itemAtPath(cst, path.slice(0, -1));
    const field = path[path.length - 1][0];
    const coll = parent?.[field];
    if (coll && 'items' in coll)
        return coll;
    throw new Error('Parent collection not found');
};
function _visit(path, item, visitor) {
    let ctrl = visitor(item, path);
    if (typeof ctrl === 'symbol')
        return ctrl;
    for (const field of ['key', 'value']) {
        const token = item[field];
        if (token && 'items' in token) {
            for (let i = 0; i < token.items.length; ++i) {
                const ci = _visit(Object.freeze(path.concat([[field, i]])), token.items[i], visitor);
                if (typeof ci === 'number')
                    i = ci - 1;
                else if (ci === BREAK)
                    return BREAK;
                else if (ci === REMOVE) {
                    token.items.splice(i, 1);
                    i -= 1;
                }
            }
            if (typeof ctrl === 'function' && field === 'key')
                ctrl = ctrl(item, path);
        }
    }
    return typeof ctrl === 'function' ? ctrl(item, path) : ctrl;
}

exports.visit = visit;


/***/ }),

/***/ 3461:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var cstScalar = __nccwpck_require__(110);
var cstStringify = __nccwpck_require__(1733);
var cstVisit = __nccwpck_require__(7715);

/** The byte order mark */
const BOM = '\u{FEFF}';
/** Start of doc-mode */
const DOCUMENT = '\x02'; // C0: Start of Text
/** Unexpected end of flow-mode */
const FLOW_END = '\x18'; // C0: Cancel
/** Next token is a scalar value */
const SCALAR = '\x1f'; // C0: Unit Separator
/** @returns `true` if `token` is a flow or block collection */
const isCollection = (token) => !!token && 'items' in token;
/** @returns `true` if `token` is a flow or block scalar; not an alias */
const isScalar = (token) => !!token &&
    (token.type === 'scalar' ||
        token.type === 'single-quoted-scalar' ||
        token.type === 'double-quoted-scalar' ||
        token.type === 'block-scalar');
/* istanbul ignore next */
/** Get a printable representation of a lexer token */
function prettyToken(token) {
    switch (token) {
        case BOM:
            return '<BOM>';
        case DOCUMENT:
            return '<DOC>';
        case FLOW_END:
            return '<FLOW_END>';
        case SCALAR:
            return '<SCALAR>';
        default:
            return JSON.stringify(token);
    }
}
/** Identify the type of a lexer token. May return `null` for unknown tokens. */
function tokenType(source) {
    switch (source) {
        case BOM:
            return 'byte-order-mark';
        case DOCUMENT:
            return 'doc-mode';
        case FLOW_END:
            return 'flow-error-end';
        case SCALAR:
            return 'scalar';
        case '---':
            return 'doc-start';
        case '...':
            return 'doc-end';
        case '':
        case '\n':
        case '\r\n':
            return 'newline';
        case '-':
            return 'seq-item-ind';
        case '?':
            return 'explicit-key-ind';
        case ':':
            return 'map-value-ind';
        case '{':
            return 'flow-map-start';
        case '}':
            return 'flow-map-end';
        case '[':
            return 'flow-seq-start';
        case ']':
            return 'flow-seq-end';
        case ',':
            return 'comma';
    }
    switch (source[0]) {
        case ' ':
        case '\t':
            return 'space';
        case '#':
            return 'comment';
        case '%':
            return 'directive-line';
        case '*':
            return 'alias';
        case '&':
            return 'anchor';
        case '!':
            return 'tag';
        case "'":
            return 'single-quoted-scalar';
        case '"':
            return 'double-quoted-scalar';
        case '|':
        case '>':
            return 'block-scalar-header';
    }
    return null;
}

exports.createScalarToken = cstScalar.createScalarToken;
exports.resolveAsScalar = cstScalar.resolveAsScalar;
exports.setScalarValue = cstScalar.setScalarValue;
exports.stringify = cstStringify.stringify;
exports.visit = cstVisit.visit;
exports.BOM = BOM;
exports.DOCUMENT = DOCUMENT;
exports.FLOW_END = FLOW_END;
exports.SCALAR = SCALAR;
exports.isCollection = isCollection;
exports.isScalar = isScalar;
exports.prettyToken = prettyToken;
exports.tokenType = tokenType;


/***/ }),

/***/ 361:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var cst = __nccwpck_require__(3461);

/*
START -> stream

stream
  directive -> line-end -> stream
  indent + line-end -> stream
  [else] -> line-start

line-end
  comment -> line-end
  newline -> .
  input-end -> END

line-start
  doc-start -> doc
  doc-end -> stream
  [else] -> indent -> block-start

block-start
  seq-item-start -> block-start
  explicit-key-start -> block-start
  map-value-start -> block-start
  [else] -> doc

doc
  line-end -> line-start
  spaces -> doc
  anchor -> doc
  tag -> doc
  flow-start -> flow -> doc
  flow-end -> error -> doc
  seq-item-start -> error -> doc
  explicit-key-start -> error -> doc
  map-value-start -> doc
  alias -> doc
  quote-start -> quoted-scalar -> doc
  block-scalar-header -> line-end -> block-scalar(min) -> line-start
  [else] -> plain-scalar(false, min) -> doc

flow
  line-end -> flow
  spaces -> flow
  anchor -> flow
  tag -> flow
  flow-start -> flow -> flow
  flow-end -> .
  seq-item-start -> error -> flow
  explicit-key-start -> flow
  map-value-start -> flow
  alias -> flow
  quote-start -> quoted-scalar -> flow
  comma -> flow
  [else] -> plain-scalar(true, 0) -> flow

quoted-scalar
  quote-end -> .
  [else] -> quoted-scalar

block-scalar(min)
  newline + peek(indent < min) -> .
  [else] -> block-scalar(min)

plain-scalar(is-flow, min)
  scalar-end(is-flow) -> .
  peek(newline + (indent < min)) -> .
  [else] -> plain-scalar(min)
*/
function isEmpty(ch) {
    switch (ch) {
        case undefined:
        case ' ':
        case '\n':
        case '\r':
        case '\t':
            return true;
        default:
            return false;
    }
}
const hexDigits = new Set('0123456789ABCDEFabcdef');
const tagChars = new Set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-#;/?:@&=+$_.!~*'()");
const flowIndicatorChars = new Set(',[]{}');
const invalidAnchorChars = new Set(' ,[]{}\n\r\t');
const isNotAnchorChar = (ch) => !ch || invalidAnchorChars.has(ch);
/**
 * Splits an input string into lexical tokens, i.e. smaller strings that are
 * easily identifiable by `tokens.tokenType()`.
 *
 * Lexing starts always in a "stream" context. Incomplete input may be buffered
 * until a complete token can be emitted.
 *
 * In addition to slices of the original input, the following control characters
 * may also be emitted:
 *
 * - `\x02` (Start of Text): A document starts with the next token
 * - `\x18` (Cancel): Unexpected end of flow-mode (indicates an error)
 * - `\x1f` (Unit Separator): Next token is a scalar value
 * - `\u{FEFF}` (Byte order mark): Emitted separately outside documents
 */
class Lexer {
    constructor() {
        /**
         * Flag indicating whether the end of the current buffer marks the end of
         * all input
         */
        this.atEnd = false;
        /**
         * Explicit indent set in block scalar header, as an offset from the current
         * minimum indent, so e.g. set to 1 from a header `|2+`. Set to -1 if not
         * explicitly set.
         */
        this.blockScalarIndent = -1;
        /**
         * Block scalars that include a + (keep) chomping indicator in their header
         * include trailing empty lines, which are otherwise excluded from the
         * scalar's contents.
         */
        this.blockScalarKeep = false;
        /** Current input */
        this.buffer = '';
        /**
         * Flag noting whether the map value indicator : can immediately follow this
         * node within a flow context.
         */
        this.flowKey = false;
        /** Count of surrounding flow collection levels. */
        this.flowLevel = 0;
        /**
         * Minimum level of indentation required for next lines to be parsed as a
         * part of the current scalar value.
         */
        this.indentNext = 0;
        /** Indentation level of the current line. */
        this.indentValue = 0;
        /** Position of the next \n character. */
        this.lineEndPos = null;
        /** Stores the state of the lexer if reaching the end of incpomplete input */
        this.next = null;
        /** A pointer to `buffer`; the current position of the lexer. */
        this.pos = 0;
    }
    /**
     * Generate YAML tokens from the `source` string. If `incomplete`,
     * a part of the last line may be left as a buffer for the next call.
     *
     * @returns A generator of lexical tokens
     */
    *lex(source, incomplete = false) {
        if (source) {
            if (typeof source !== 'string')
                throw TypeError('source is not a string');
            this.buffer = this.buffer ? this.buffer + source : source;
            this.lineEndPos = null;
        }
        this.atEnd = !incomplete;
        let next = this.next ?? 'stream';
        while (next && (incomplete || this.hasChars(1)))
            next = yield* this.parseNext(next);
    }
    atLineEnd() {
        let i = this.pos;
        let ch = this.buffer[i];
        while (ch === ' ' || ch === '\t')
            ch = this.buffer[++i];
        if (!ch || ch === '#' || ch === '\n')
            return true;
        if (ch === '\r')
            return this.buffer[i + 1] === '\n';
        return false;
    }
    charAt(n) {
        return this.buffer[this.pos + n];
    }
    continueScalar(offset) {
        let ch = this.buffer[offset];
        if (this.indentNext > 0) {
            let indent = 0;
            while (ch === ' ')
                ch = this.buffer[++indent + offset];
            if (ch === '\r') {
                const next = this.buffer[indent + offset + 1];
                if (next === '\n' || (!next && !this.atEnd))
                    return offset + indent + 1;
            }
            return ch === '\n' || indent >= this.indentNext || (!ch && !this.atEnd)
                ? offset + indent
                : -1;
        }
        if (ch === '-' || ch === '.') {
            const dt = this.buffer.substr(offset, 3);
            if ((dt === '---' || dt === '...') && isEmpty(this.buffer[offset + 3]))
                return -1;
        }
        return offset;
    }
    getLine() {
        let end = this.lineEndPos;
        if (typeof end !== 'number' || (end !== -1 && end < this.pos)) {
            end = this.buffer.indexOf('\n', this.pos);
            this.lineEndPos = end;
        }
        if (end === -1)
            return this.atEnd ? this.buffer.substring(this.pos) : null;
        if (this.buffer[end - 1] === '\r')
            end -= 1;
        return this.buffer.substring(this.pos, end);
    }
    hasChars(n) {
        return this.pos + n <= this.buffer.length;
    }
    setNext(state) {
        this.buffer = this.buffer.substring(this.pos);
        this.pos = 0;
        this.lineEndPos = null;
        this.next = state;
        return null;
    }
    peek(n) {
        return this.buffer.substr(this.pos, n);
    }
    *parseNext(next) {
        switch (next) {
            case 'stream':
                return yield* this.parseStream();
            case 'line-start':
                return yield* this.parseLineStart();
            case 'block-start':
                return yield* this.parseBlockStart();
            case 'doc':
                return yield* this.parseDocument();
            case 'flow':
                return yield* this.parseFlowCollection();
            case 'quoted-scalar':
                return yield* this.parseQuotedScalar();
            case 'block-scalar':
                return yield* this.parseBlockScalar();
            case 'plain-scalar':
                return yield* this.parsePlainScalar();
        }
    }
    *parseStream() {
        let line = this.getLine();
        if (line === null)
            return this.setNext('stream');
        if (line[0] === cst.BOM) {
            yield* this.pushCount(1);
            line = line.substring(1);
        }
        if (line[0] === '%') {
            let dirEnd = line.length;
            let cs = line.indexOf('#');
            while (cs !== -1) {
                const ch = line[cs - 1];
                if (ch === ' ' || ch === '\t') {
                    dirEnd = cs - 1;
                    break;
                }
                else {
                    cs = line.indexOf('#', cs + 1);
                }
            }
            while (true) {
                const ch = line[dirEnd - 1];
                if (ch === ' ' || ch === '\t')
                    dirEnd -= 1;
                else
                    break;
            }
            const n = (yield* this.pushCount(dirEnd)) + (yield* this.pushSpaces(true));
            yield* this.pushCount(line.length - n); // possible comment
            this.pushNewline();
            return 'stream';
        }
        if (this.atLineEnd()) {
            const sp = yield* this.pushSpaces(true);
            yield* this.pushCount(line.length - sp);
            yield* this.pushNewline();
            return 'stream';
        }
        yield cst.DOCUMENT;
        return yield* this.parseLineStart();
    }
    *parseLineStart() {
        const ch = this.charAt(0);
        if (!ch && !this.atEnd)
            return this.setNext('line-start');
        if (ch === '-' || ch === '.') {
            if (!this.atEnd && !this.hasChars(4))
                return this.setNext('line-start');
            const s = this.peek(3);
            if ((s === '---' || s === '...') && isEmpty(this.charAt(3))) {
                yield* this.pushCount(3);
                this.indentValue = 0;
                this.indentNext = 0;
                return s === '---' ? 'doc' : 'stream';
            }
        }
        this.indentValue = yield* this.pushSpaces(false);
        if (this.indentNext > this.indentValue && !isEmpty(this.charAt(1)))
            this.indentNext = this.indentValue;
        return yield* this.parseBlockStart();
    }
    *parseBlockStart() {
        const [ch0, ch1] = this.peek(2);
        if (!ch1 && !this.atEnd)
            return this.setNext('block-start');
        if ((ch0 === '-' || ch0 === '?' || ch0 === ':') && isEmpty(ch1)) {
            const n = (yield* this.pushCount(1)) + (yield* this.pushSpaces(true));
            this.indentNext = this.indentValue + 1;
            this.indentValue += n;
            return 'block-start';
        }
        return 'doc';
    }
    *parseDocument() {
        yield* this.pushSpaces(true);
        const line = this.getLine();
        if (line === null)
            return this.setNext('doc');
        let n = yield* this.pushIndicators();
        switch (line[n]) {
            case '#':
                yield* this.pushCount(line.length - n);
            // fallthrough
            case undefined:
                yield* this.pushNewline();
                return yield* this.parseLineStart();
            case '{':
            case '[':
                yield* this.pushCount(1);
                this.flowKey = false;
                this.flowLevel = 1;
                return 'flow';
            case '}':
            case ']':
                // this is an error
                yield* this.pushCount(1);
                return 'doc';
            case '*':
                yield* this.pushUntil(isNotAnchorChar);
                return 'doc';
            case '"':
            case "'":
                return yield* this.parseQuotedScalar();
            case '|':
            case '>':
                n += yield* this.parseBlockScalarHeader();
                n += yield* this.pushSpaces(true);
                yield* this.pushCount(line.length - n);
                yield* this.pushNewline();
                return yield* this.parseBlockScalar();
            default:
                return yield* this.parsePlainScalar();
        }
    }
    *parseFlowCollection() {
        let nl, sp;
        let indent = -1;
        do {
            nl = yield* this.pushNewline();
            if (nl > 0) {
                sp = yield* this.pushSpaces(false);
                this.indentValue = indent = sp;
            }
            else {
                sp = 0;
            }
            sp += yield* this.pushSpaces(true);
        } while (nl + sp > 0);
        const line = this.getLine();
        if (line === null)
            return this.setNext('flow');
        if ((indent !== -1 && indent < this.indentNext && line[0] !== '#') ||
            (indent === 0 &&
                (line.startsWith('---') || line.startsWith('...')) &&
                isEmpty(line[3]))) {
            // Allowing for the terminal ] or } at the same (rather than greater)
            // indent level as the initial [ or { is technically invalid, but
            // failing here would be surprising to users.
            const atFlowEndMarker = indent === this.indentNext - 1 &&
                this.flowLevel === 1 &&
                (line[0] === ']' || line[0] === '}');
            if (!atFlowEndMarker) {
                // this is an error
                this.flowLevel = 0;
                yield cst.FLOW_END;
                return yield* this.parseLineStart();
            }
        }
        let n = 0;
        while (line[n] === ',') {
            n += yield* this.pushCount(1);
            n += yield* this.pushSpaces(true);
            this.flowKey = false;
        }
        n += yield* this.pushIndicators();
        switch (line[n]) {
            case undefined:
                return 'flow';
            case '#':
                yield* this.pushCount(line.length - n);
                return 'flow';
            case '{':
            case '[':
                yield* this.pushCount(1);
                this.flowKey = false;
                this.flowLevel += 1;
                return 'flow';
            case '}':
            case ']':
                yield* this.pushCount(1);
                this.flowKey = true;
                this.flowLevel -= 1;
                return this.flowLevel ? 'flow' : 'doc';
            case '*':
                yield* this.pushUntil(isNotAnchorChar);
                return 'flow';
            case '"':
            case "'":
                this.flowKey = true;
                return yield* this.parseQuotedScalar();
            case ':': {
                const next = this.charAt(1);
                if (this.flowKey || isEmpty(next) || next === ',') {
                    this.flowKey = false;
                    yield* this.pushCount(1);
                    yield* this.pushSpaces(true);
                    return 'flow';
                }
            }
            // fallthrough
            default:
                this.flowKey = false;
                return yield* this.parsePlainScalar();
        }
    }
    *parseQuotedScalar() {
        const quote = this.charAt(0);
        let end = this.buffer.indexOf(quote, this.pos + 1);
        if (quote === "'") {
            while (end !== -1 && this.buffer[end + 1] === "'")
                end = this.buffer.indexOf("'", end + 2);
        }
        else {
            // double-quote
            while (end !== -1) {
                let n = 0;
                while (this.buffer[end - 1 - n] === '\\')
                    n += 1;
                if (n % 2 === 0)
                    break;
                end = this.buffer.indexOf('"', end + 1);
            }
        }
        // Only looking for newlines within the quotes
        const qb = this.buffer.substring(0, end);
        let nl = qb.indexOf('\n', this.pos);
        if (nl !== -1) {
            while (nl !== -1) {
                const cs = this.continueScalar(nl + 1);
                if (cs === -1)
                    break;
                nl = qb.indexOf('\n', cs);
            }
            if (nl !== -1) {
                // this is an error caused by an unexpected unindent
                end = nl - (qb[nl - 1] === '\r' ? 2 : 1);
            }
        }
        if (end === -1) {
            if (!this.atEnd)
                return this.setNext('quoted-scalar');
            end = this.buffer.length;
        }
        yield* this.pushToIndex(end + 1, false);
        return this.flowLevel ? 'flow' : 'doc';
    }
    *parseBlockScalarHeader() {
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        let i = this.pos;
        while (true) {
            const ch = this.buffer[++i];
            if (ch === '+')
                this.blockScalarKeep = true;
            else if (ch > '0' && ch <= '9')
                this.blockScalarIndent = Number(ch) - 1;
            else if (ch !== '-')
                break;
        }
        return yield* this.pushUntil(ch => isEmpty(ch) || ch === '#');
    }
    *parseBlockScalar() {
        let nl = this.pos - 1; // may be -1 if this.pos === 0
        let indent = 0;
        let ch;
        loop: for (let i = this.pos; (ch = this.buffer[i]); ++i) {
            switch (ch) {
                case ' ':
                    indent += 1;
                    break;
                case '\n':
                    nl = i;
                    indent = 0;
                    break;
                case '\r': {
                    const next = this.buffer[i + 1];
                    if (!next && !this.atEnd)
                        return this.setNext('block-scalar');
                    if (next === '\n')
                        break;
                } // fallthrough
                default:
                    break loop;
            }
        }
        if (!ch && !this.atEnd)
            return this.setNext('block-scalar');
        if (indent >= this.indentNext) {
            if (this.blockScalarIndent === -1)
                this.indentNext = indent;
            else {
                this.indentNext =
                    this.blockScalarIndent + (this.indentNext === 0 ? 1 : this.indentNext);
            }
            do {
                const cs = this.continueScalar(nl + 1);
                if (cs === -1)
                    break;
                nl = this.buffer.indexOf('\n', cs);
            } while (nl !== -1);
            if (nl === -1) {
                if (!this.atEnd)
                    return this.setNext('block-scalar');
                nl = this.buffer.length;
            }
        }
        // Trailing insufficiently indented tabs are invalid.
        // To catch that during parsing, we include them in the block scalar value.
        let i = nl + 1;
        ch = this.buffer[i];
        while (ch === ' ')
            ch = this.buffer[++i];
        if (ch === '\t') {
            while (ch === '\t' || ch === ' ' || ch === '\r' || ch === '\n')
                ch = this.buffer[++i];
            nl = i - 1;
        }
        else if (!this.blockScalarKeep) {
            do {
                let i = nl - 1;
                let ch = this.buffer[i];
                if (ch === '\r')
                    ch = this.buffer[--i];
                const lastChar = i; // Drop the line if last char not more indented
                while (ch === ' ')
                    ch = this.buffer[--i];
                if (ch === '\n' && i >= this.pos && i + 1 + indent > lastChar)
                    nl = i;
                else
                    break;
            } while (true);
        }
        yield cst.SCALAR;
        yield* this.pushToIndex(nl + 1, true);
        return yield* this.parseLineStart();
    }
    *parsePlainScalar() {
        const inFlow = this.flowLevel > 0;
        let end = this.pos - 1;
        let i = this.pos - 1;
        let ch;
        while ((ch = this.buffer[++i])) {
            if (ch === ':') {
                const next = this.buffer[i + 1];
                if (isEmpty(next) || (inFlow && flowIndicatorChars.has(next)))
                    break;
                end = i;
            }
            else if (isEmpty(ch)) {
                let next = this.buffer[i + 1];
                if (ch === '\r') {
                    if (next === '\n') {
                        i += 1;
                        ch = '\n';
                        next = this.buffer[i + 1];
                    }
                    else
                        end = i;
                }
                if (next === '#' || (inFlow && flowIndicatorChars.has(next)))
                    break;
                if (ch === '\n') {
                    const cs = this.continueScalar(i + 1);
                    if (cs === -1)
                        break;
                    i = Math.max(i, cs - 2); // to advance, but still account for ' #'
                }
            }
            else {
                if (inFlow && flowIndicatorChars.has(ch))
                    break;
                end = i;
            }
        }
        if (!ch && !this.atEnd)
            return this.setNext('plain-scalar');
        yield cst.SCALAR;
        yield* this.pushToIndex(end + 1, true);
        return inFlow ? 'flow' : 'doc';
    }
    *pushCount(n) {
        if (n > 0) {
            yield this.buffer.substr(this.pos, n);
            this.pos += n;
            return n;
        }
        return 0;
    }
    *pushToIndex(i, allowEmpty) {
        const s = this.buffer.slice(this.pos, i);
        if (s) {
            yield s;
            this.pos += s.length;
            return s.length;
        }
        else if (allowEmpty)
            yield '';
        return 0;
    }
    *pushIndicators() {
        let n = 0;
        loop: while (true) {
            switch (this.charAt(0)) {
                case '!':
                    n += yield* this.pushTag();
                    n += yield* this.pushSpaces(true);
                    continue loop;
                case '&':
                    n += yield* this.pushUntil(isNotAnchorChar);
                    n += yield* this.pushSpaces(true);
                    continue loop;
                case '-': // this is an error
                case '?': // this is an error outside flow collections
                case ':': {
                    const inFlow = this.flowLevel > 0;
                    const ch1 = this.charAt(1);
                    if (isEmpty(ch1) || (inFlow && flowIndicatorChars.has(ch1))) {
                        if (!inFlow)
                            this.indentNext = this.indentValue + 1;
                        else if (this.flowKey)
                            this.flowKey = false;
                        n += yield* this.pushCount(1);
                        n += yield* this.pushSpaces(true);
                        continue loop;
                    }
                }
            }
            break loop;
        }
        return n;
    }
    *pushTag() {
        if (this.charAt(1) === '<') {
            let i = this.pos + 2;
            let ch = this.buffer[i];
            while (!isEmpty(ch) && ch !== '>')
                ch = this.buffer[++i];
            return yield* this.pushToIndex(ch === '>' ? i + 1 : i, false);
        }
        else {
            let i = this.pos + 1;
            let ch = this.buffer[i];
            while (ch) {
                if (tagChars.has(ch))
                    ch = this.buffer[++i];
                else if (ch === '%' &&
                    hexDigits.has(this.buffer[i + 1]) &&
                    hexDigits.has(this.buffer[i + 2])) {
                    ch = this.buffer[(i += 3)];
                }
                else
                    break;
            }
            return yield* this.pushToIndex(i, false);
        }
    }
    *pushNewline() {
        const ch = this.buffer[this.pos];
        if (ch === '\n')
            return yield* this.pushCount(1);
        else if (ch === '\r' && this.charAt(1) === '\n')
            return yield* this.pushCount(2);
        else
            return 0;
    }
    *pushSpaces(allowTabs) {
        let i = this.pos - 1;
        let ch;
        do {
            ch = this.buffer[++i];
        } while (ch === ' ' || (allowTabs && ch === '\t'));
        const n = i - this.pos;
        if (n > 0) {
            yield this.buffer.substr(this.pos, n);
            this.pos = i;
        }
        return n;
    }
    *pushUntil(test) {
        let i = this.pos;
        let ch = this.buffer[i];
        while (!test(ch))
            ch = this.buffer[++i];
        return yield* this.pushToIndex(i, false);
    }
}

exports.Lexer = Lexer;


/***/ }),

/***/ 6628:
/***/ ((__unused_webpack_module, exports) => {



/**
 * Tracks newlines during parsing in order to provide an efficient API for
 * determining the one-indexed `{ line, col }` position for any offset
 * within the input.
 */
class LineCounter {
    constructor() {
        this.lineStarts = [];
        /**
         * Should be called in ascending order. Otherwise, call
         * `lineCounter.lineStarts.sort()` before calling `linePos()`.
         */
        this.addNewLine = (offset) => this.lineStarts.push(offset);
        /**
         * Performs a binary search and returns the 1-indexed { line, col }
         * position of `offset`. If `line === 0`, `addNewLine` has never been
         * called or `offset` is before the first known newline.
         */
        this.linePos = (offset) => {
            let low = 0;
            let high = this.lineStarts.length;
            while (low < high) {
                const mid = (low + high) >> 1; // Math.floor((low + high) / 2)
                if (this.lineStarts[mid] < offset)
                    low = mid + 1;
                else
                    high = mid;
            }
            if (this.lineStarts[low] === offset)
                return { line: low + 1, col: 1 };
            if (low === 0)
                return { line: 0, col: offset };
            const start = this.lineStarts[low - 1];
            return { line: low, col: offset - start + 1 };
        };
    }
}

exports.LineCounter = LineCounter;


/***/ }),

/***/ 3456:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var node_process = __nccwpck_require__(932);
var cst = __nccwpck_require__(3461);
var lexer = __nccwpck_require__(361);

function includesToken(list, type) {
    for (let i = 0; i < list.length; ++i)
        if (list[i].type === type)
            return true;
    return false;
}
function findNonEmptyIndex(list) {
    for (let i = 0; i < list.length; ++i) {
        switch (list[i].type) {
            case 'space':
            case 'comment':
            case 'newline':
                break;
            default:
                return i;
        }
    }
    return -1;
}
function isFlowToken(token) {
    switch (token?.type) {
        case 'alias':
        case 'scalar':
        case 'single-quoted-scalar':
        case 'double-quoted-scalar':
        case 'flow-collection':
            return true;
        default:
            return false;
    }
}
function getPrevProps(parent) {
    switch (parent.type) {
        case 'document':
            return parent.start;
        case 'block-map': {
            const it = parent.items[parent.items.length - 1];
            return it.sep ?? it.start;
        }
        case 'block-seq':
            return parent.items[parent.items.length - 1].start;
        /* istanbul ignore next should not happen */
        default:
            return [];
    }
}
/** Note: May modify input array */
function getFirstKeyStartProps(prev) {
    if (prev.length === 0)
        return [];
    let i = prev.length;
    loop: while (--i >= 0) {
        switch (prev[i].type) {
            case 'doc-start':
            case 'explicit-key-ind':
            case 'map-value-ind':
            case 'seq-item-ind':
            case 'newline':
                break loop;
        }
    }
    while (prev[++i]?.type === 'space') {
        /* loop */
    }
    return prev.splice(i, prev.length);
}
function arrayPushArray(target, source) {
    // May exhaust call stack with large `source` array
    if (source.length < 1e5)
        Array.prototype.push.apply(target, source);
    else
        for (let i = 0; i < source.length; ++i)
            target.push(source[i]);
}
function fixFlowSeqItems(fc) {
    if (fc.start.type === 'flow-seq-start') {
        for (const it of fc.items) {
            if (it.sep &&
                !it.value &&
                !includesToken(it.start, 'explicit-key-ind') &&
                !includesToken(it.sep, 'map-value-ind')) {
                if (it.key)
                    it.value = it.key;
                delete it.key;
                if (isFlowToken(it.value)) {
                    if (it.value.end)
                        arrayPushArray(it.value.end, it.sep);
                    else
                        it.value.end = it.sep;
                }
                else
                    arrayPushArray(it.start, it.sep);
                delete it.sep;
            }
        }
    }
}
/**
 * A YAML concrete syntax tree (CST) parser
 *
 * ```ts
 * const src: string = ...
 * for (const token of new Parser().parse(src)) {
 *   // token: Token
 * }
 * ```
 *
 * To use the parser with a user-provided lexer:
 *
 * ```ts
 * function* parse(source: string, lexer: Lexer) {
 *   const parser = new Parser()
 *   for (const lexeme of lexer.lex(source))
 *     yield* parser.next(lexeme)
 *   yield* parser.end()
 * }
 *
 * const src: string = ...
 * const lexer = new Lexer()
 * for (const token of parse(src, lexer)) {
 *   // token: Token
 * }
 * ```
 */
class Parser {
    /**
     * @param onNewLine - If defined, called separately with the start position of
     *   each new line (in `parse()`, including the start of input).
     */
    constructor(onNewLine) {
        /** If true, space and sequence indicators count as indentation */
        this.atNewLine = true;
        /** If true, next token is a scalar value */
        this.atScalar = false;
        /** Current indentation level */
        this.indent = 0;
        /** Current offset since the start of parsing */
        this.offset = 0;
        /** On the same line with a block map key */
        this.onKeyLine = false;
        /** Top indicates the node that's currently being built */
        this.stack = [];
        /** The source of the current token, set in parse() */
        this.source = '';
        /** The type of the current token, set in parse() */
        this.type = '';
        // Must be defined after `next()`
        this.lexer = new lexer.Lexer();
        this.onNewLine = onNewLine;
    }
    /**
     * Parse `source` as a YAML stream.
     * If `incomplete`, a part of the last line may be left as a buffer for the next call.
     *
     * Errors are not thrown, but yielded as `{ type: 'error', message }` tokens.
     *
     * @returns A generator of tokens representing each directive, document, and other structure.
     */
    *parse(source, incomplete = false) {
        if (this.onNewLine && this.offset === 0)
            this.onNewLine(0);
        for (const lexeme of this.lexer.lex(source, incomplete))
            yield* this.next(lexeme);
        if (!incomplete)
            yield* this.end();
    }
    /**
     * Advance the parser by the `source` of one lexical token.
     */
    *next(source) {
        this.source = source;
        if (node_process.env.LOG_TOKENS)
            console.log('|', cst.prettyToken(source));
        if (this.atScalar) {
            this.atScalar = false;
            yield* this.step();
            this.offset += source.length;
            return;
        }
        const type = cst.tokenType(source);
        if (!type) {
            const message = `Not a YAML token: ${source}`;
            yield* this.pop({ type: 'error', offset: this.offset, message, source });
            this.offset += source.length;
        }
        else if (type === 'scalar') {
            this.atNewLine = false;
            this.atScalar = true;
            this.type = 'scalar';
        }
        else {
            this.type = type;
            yield* this.step();
            switch (type) {
                case 'newline':
                    this.atNewLine = true;
                    this.indent = 0;
                    if (this.onNewLine)
                        this.onNewLine(this.offset + source.length);
                    break;
                case 'space':
                    if (this.atNewLine && source[0] === ' ')
                        this.indent += source.length;
                    break;
                case 'explicit-key-ind':
                case 'map-value-ind':
                case 'seq-item-ind':
                    if (this.atNewLine)
                        this.indent += source.length;
                    break;
                case 'doc-mode':
                case 'flow-error-end':
                    return;
                default:
                    this.atNewLine = false;
            }
            this.offset += source.length;
        }
    }
    /** Call at end of input to push out any remaining constructions */
    *end() {
        while (this.stack.length > 0)
            yield* this.pop();
    }
    get sourceToken() {
        const st = {
            type: this.type,
            offset: this.offset,
            indent: this.indent,
            source: this.source
        };
        return st;
    }
    *step() {
        const top = this.peek(1);
        if (this.type === 'doc-end' && top?.type !== 'doc-end') {
            while (this.stack.length > 0)
                yield* this.pop();
            this.stack.push({
                type: 'doc-end',
                offset: this.offset,
                source: this.source
            });
            return;
        }
        if (!top)
            return yield* this.stream();
        switch (top.type) {
            case 'document':
                return yield* this.document(top);
            case 'alias':
            case 'scalar':
            case 'single-quoted-scalar':
            case 'double-quoted-scalar':
                return yield* this.scalar(top);
            case 'block-scalar':
                return yield* this.blockScalar(top);
            case 'block-map':
                return yield* this.blockMap(top);
            case 'block-seq':
                return yield* this.blockSequence(top);
            case 'flow-collection':
                return yield* this.flowCollection(top);
            case 'doc-end':
                return yield* this.documentEnd(top);
        }
        /* istanbul ignore next should not happen */
        yield* this.pop();
    }
    peek(n) {
        return this.stack[this.stack.length - n];
    }
    *pop(error) {
        const token = error ?? this.stack.pop();
        /* istanbul ignore if should not happen */
        if (!token) {
            const message = 'Tried to pop an empty stack';
            yield { type: 'error', offset: this.offset, source: '', message };
        }
        else if (this.stack.length === 0) {
            yield token;
        }
        else {
            const top = this.peek(1);
            if (token.type === 'block-scalar') {
                // Block scalars use their parent rather than header indent
                token.indent = 'indent' in top ? top.indent : 0;
            }
            else if (token.type === 'flow-collection' && top.type === 'document') {
                // Ignore all indent for top-level flow collections
                token.indent = 0;
            }
            if (token.type === 'flow-collection')
                fixFlowSeqItems(token);
            switch (top.type) {
                case 'document':
                    top.value = token;
                    break;
                case 'block-scalar':
                    top.props.push(token); // error
                    break;
                case 'block-map': {
                    const it = top.items[top.items.length - 1];
                    if (it.value) {
                        top.items.push({ start: [], key: token, sep: [] });
                        this.onKeyLine = true;
                        return;
                    }
                    else if (it.sep) {
                        it.value = token;
                    }
                    else {
                        Object.assign(it, { key: token, sep: [] });
                        this.onKeyLine = !it.explicitKey;
                        return;
                    }
                    break;
                }
                case 'block-seq': {
                    const it = top.items[top.items.length - 1];
                    if (it.value)
                        top.items.push({ start: [], value: token });
                    else
                        it.value = token;
                    break;
                }
                case 'flow-collection': {
                    const it = top.items[top.items.length - 1];
                    if (!it || it.value)
                        top.items.push({ start: [], key: token, sep: [] });
                    else if (it.sep)
                        it.value = token;
                    else
                        Object.assign(it, { key: token, sep: [] });
                    return;
                }
                /* istanbul ignore next should not happen */
                default:
                    yield* this.pop();
                    yield* this.pop(token);
            }
            if ((top.type === 'document' ||
                top.type === 'block-map' ||
                top.type === 'block-seq') &&
                (token.type === 'block-map' || token.type === 'block-seq')) {
                const last = token.items[token.items.length - 1];
                if (last &&
                    !last.sep &&
                    !last.value &&
                    last.start.length > 0 &&
                    findNonEmptyIndex(last.start) === -1 &&
                    (token.indent === 0 ||
                        last.start.every(st => st.type !== 'comment' || st.indent < token.indent))) {
                    if (top.type === 'document')
                        top.end = last.start;
                    else
                        top.items.push({ start: last.start });
                    token.items.splice(-1, 1);
                }
            }
        }
    }
    *stream() {
        switch (this.type) {
            case 'directive-line':
                yield { type: 'directive', offset: this.offset, source: this.source };
                return;
            case 'byte-order-mark':
            case 'space':
            case 'comment':
            case 'newline':
                yield this.sourceToken;
                return;
            case 'doc-mode':
            case 'doc-start': {
                const doc = {
                    type: 'document',
                    offset: this.offset,
                    start: []
                };
                if (this.type === 'doc-start')
                    doc.start.push(this.sourceToken);
                this.stack.push(doc);
                return;
            }
        }
        yield {
            type: 'error',
            offset: this.offset,
            message: `Unexpected ${this.type} token in YAML stream`,
            source: this.source
        };
    }
    *document(doc) {
        if (doc.value)
            return yield* this.lineEnd(doc);
        switch (this.type) {
            case 'doc-start': {
                if (findNonEmptyIndex(doc.start) !== -1) {
                    yield* this.pop();
                    yield* this.step();
                }
                else
                    doc.start.push(this.sourceToken);
                return;
            }
            case 'anchor':
            case 'tag':
            case 'space':
            case 'comment':
            case 'newline':
                doc.start.push(this.sourceToken);
                return;
        }
        const bv = this.startBlockValue(doc);
        if (bv)
            this.stack.push(bv);
        else {
            yield {
                type: 'error',
                offset: this.offset,
                message: `Unexpected ${this.type} token in YAML document`,
                source: this.source
            };
        }
    }
    *scalar(scalar) {
        if (this.type === 'map-value-ind') {
            const prev = getPrevProps(this.peek(2));
            const start = getFirstKeyStartProps(prev);
            let sep;
            if (scalar.end) {
                sep = scalar.end;
                sep.push(this.sourceToken);
                delete scalar.end;
            }
            else
                sep = [this.sourceToken];
            const map = {
                type: 'block-map',
                offset: scalar.offset,
                indent: scalar.indent,
                items: [{ start, key: scalar, sep }]
            };
            this.onKeyLine = true;
            this.stack[this.stack.length - 1] = map;
        }
        else
            yield* this.lineEnd(scalar);
    }
    *blockScalar(scalar) {
        switch (this.type) {
            case 'space':
            case 'comment':
            case 'newline':
                scalar.props.push(this.sourceToken);
                return;
            case 'scalar':
                scalar.source = this.source;
                // block-scalar source includes trailing newline
                this.atNewLine = true;
                this.indent = 0;
                if (this.onNewLine) {
                    let nl = this.source.indexOf('\n') + 1;
                    while (nl !== 0) {
                        this.onNewLine(this.offset + nl);
                        nl = this.source.indexOf('\n', nl) + 1;
                    }
                }
                yield* this.pop();
                break;
            /* istanbul ignore next should not happen */
            default:
                yield* this.pop();
                yield* this.step();
        }
    }
    *blockMap(map) {
        const it = map.items[map.items.length - 1];
        // it.sep is true-ish if pair already has key or : separator
        switch (this.type) {
            case 'newline':
                this.onKeyLine = false;
                if (it.value) {
                    const end = 'end' in it.value ? it.value.end : undefined;
                    const last = Array.isArray(end) ? end[end.length - 1] : undefined;
                    if (last?.type === 'comment')
                        end?.push(this.sourceToken);
                    else
                        map.items.push({ start: [this.sourceToken] });
                }
                else if (it.sep) {
                    it.sep.push(this.sourceToken);
                }
                else {
                    it.start.push(this.sourceToken);
                }
                return;
            case 'space':
            case 'comment':
                if (it.value) {
                    map.items.push({ start: [this.sourceToken] });
                }
                else if (it.sep) {
                    it.sep.push(this.sourceToken);
                }
                else {
                    if (this.atIndentedComment(it.start, map.indent)) {
                        const prev = map.items[map.items.length - 2];
                        const end = prev?.value?.end;
                        if (Array.isArray(end)) {
                            arrayPushArray(end, it.start);
                            end.push(this.sourceToken);
                            map.items.pop();
                            return;
                        }
                    }
                    it.start.push(this.sourceToken);
                }
                return;
        }
        if (this.indent >= map.indent) {
            const atMapIndent = !this.onKeyLine && this.indent === map.indent;
            const atNextItem = atMapIndent &&
                (it.sep || it.explicitKey) &&
                this.type !== 'seq-item-ind';
            // For empty nodes, assign newline-separated not indented empty tokens to following node
            let start = [];
            if (atNextItem && it.sep && !it.value) {
                const nl = [];
                for (let i = 0; i < it.sep.length; ++i) {
                    const st = it.sep[i];
                    switch (st.type) {
                        case 'newline':
                            nl.push(i);
                            break;
                        case 'space':
                            break;
                        case 'comment':
                            if (st.indent > map.indent)
                                nl.length = 0;
                            break;
                        default:
                            nl.length = 0;
                    }
                }
                if (nl.length >= 2)
                    start = it.sep.splice(nl[1]);
            }
            switch (this.type) {
                case 'anchor':
                case 'tag':
                    if (atNextItem || it.value) {
                        start.push(this.sourceToken);
                        map.items.push({ start });
                        this.onKeyLine = true;
                    }
                    else if (it.sep) {
                        it.sep.push(this.sourceToken);
                    }
                    else {
                        it.start.push(this.sourceToken);
                    }
                    return;
                case 'explicit-key-ind':
                    if (!it.sep && !it.explicitKey) {
                        it.start.push(this.sourceToken);
                        it.explicitKey = true;
                    }
                    else if (atNextItem || it.value) {
                        start.push(this.sourceToken);
                        map.items.push({ start, explicitKey: true });
                    }
                    else {
                        this.stack.push({
                            type: 'block-map',
                            offset: this.offset,
                            indent: this.indent,
                            items: [{ start: [this.sourceToken], explicitKey: true }]
                        });
                    }
                    this.onKeyLine = true;
                    return;
                case 'map-value-ind':
                    if (it.explicitKey) {
                        if (!it.sep) {
                            if (includesToken(it.start, 'newline')) {
                                Object.assign(it, { key: null, sep: [this.sourceToken] });
                            }
                            else {
                                const start = getFirstKeyStartProps(it.start);
                                this.stack.push({
                                    type: 'block-map',
                                    offset: this.offset,
                                    indent: this.indent,
                                    items: [{ start, key: null, sep: [this.sourceToken] }]
                                });
                            }
                        }
                        else if (it.value) {
                            map.items.push({ start: [], key: null, sep: [this.sourceToken] });
                        }
                        else if (includesToken(it.sep, 'map-value-ind')) {
                            this.stack.push({
                                type: 'block-map',
                                offset: this.offset,
                                indent: this.indent,
                                items: [{ start, key: null, sep: [this.sourceToken] }]
                            });
                        }
                        else if (isFlowToken(it.key) &&
                            !includesToken(it.sep, 'newline')) {
                            const start = getFirstKeyStartProps(it.start);
                            const key = it.key;
                            const sep = it.sep;
                            sep.push(this.sourceToken);
                            // @ts-expect-error type guard is wrong here
                            delete it.key;
                            // @ts-expect-error type guard is wrong here
                            delete it.sep;
                            this.stack.push({
                                type: 'block-map',
                                offset: this.offset,
                                indent: this.indent,
                                items: [{ start, key, sep }]
                            });
                        }
                        else if (start.length > 0) {
                            // Not actually at next item
                            it.sep = it.sep.concat(start, this.sourceToken);
                        }
                        else {
                            it.sep.push(this.sourceToken);
                        }
                    }
                    else {
                        if (!it.sep) {
                            Object.assign(it, { key: null, sep: [this.sourceToken] });
                        }
                        else if (it.value || atNextItem) {
                            map.items.push({ start, key: null, sep: [this.sourceToken] });
                        }
                        else if (includesToken(it.sep, 'map-value-ind')) {
                            this.stack.push({
                                type: 'block-map',
                                offset: this.offset,
                                indent: this.indent,
                                items: [{ start: [], key: null, sep: [this.sourceToken] }]
                            });
                        }
                        else {
                            it.sep.push(this.sourceToken);
                        }
                    }
                    this.onKeyLine = true;
                    return;
                case 'alias':
                case 'scalar':
                case 'single-quoted-scalar':
                case 'double-quoted-scalar': {
                    const fs = this.flowScalar(this.type);
                    if (atNextItem || it.value) {
                        map.items.push({ start, key: fs, sep: [] });
                        this.onKeyLine = true;
                    }
                    else if (it.sep) {
                        this.stack.push(fs);
                    }
                    else {
                        Object.assign(it, { key: fs, sep: [] });
                        this.onKeyLine = true;
                    }
                    return;
                }
                default: {
                    const bv = this.startBlockValue(map);
                    if (bv) {
                        if (bv.type === 'block-seq') {
                            if (!it.explicitKey &&
                                it.sep &&
                                !includesToken(it.sep, 'newline')) {
                                yield* this.pop({
                                    type: 'error',
                                    offset: this.offset,
                                    message: 'Unexpected block-seq-ind on same line with key',
                                    source: this.source
                                });
                                return;
                            }
                        }
                        else if (atMapIndent) {
                            map.items.push({ start });
                        }
                        this.stack.push(bv);
                        return;
                    }
                }
            }
        }
        yield* this.pop();
        yield* this.step();
    }
    *blockSequence(seq) {
        const it = seq.items[seq.items.length - 1];
        switch (this.type) {
            case 'newline':
                if (it.value) {
                    const end = 'end' in it.value ? it.value.end : undefined;
                    const last = Array.isArray(end) ? end[end.length - 1] : undefined;
                    if (last?.type === 'comment')
                        end?.push(this.sourceToken);
                    else
                        seq.items.push({ start: [this.sourceToken] });
                }
                else
                    it.start.push(this.sourceToken);
                return;
            case 'space':
            case 'comment':
                if (it.value)
                    seq.items.push({ start: [this.sourceToken] });
                else {
                    if (this.atIndentedComment(it.start, seq.indent)) {
                        const prev = seq.items[seq.items.length - 2];
                        const end = prev?.value?.end;
                        if (Array.isArray(end)) {
                            arrayPushArray(end, it.start);
                            end.push(this.sourceToken);
                            seq.items.pop();
                            return;
                        }
                    }
                    it.start.push(this.sourceToken);
                }
                return;
            case 'anchor':
            case 'tag':
                if (it.value || this.indent <= seq.indent)
                    break;
                it.start.push(this.sourceToken);
                return;
            case 'seq-item-ind':
                if (this.indent !== seq.indent)
                    break;
                if (it.value || includesToken(it.start, 'seq-item-ind'))
                    seq.items.push({ start: [this.sourceToken] });
                else
                    it.start.push(this.sourceToken);
                return;
        }
        if (this.indent > seq.indent) {
            const bv = this.startBlockValue(seq);
            if (bv) {
                this.stack.push(bv);
                return;
            }
        }
        yield* this.pop();
        yield* this.step();
    }
    *flowCollection(fc) {
        const it = fc.items[fc.items.length - 1];
        if (this.type === 'flow-error-end') {
            let top;
            do {
                yield* this.pop();
                top = this.peek(1);
            } while (top?.type === 'flow-collection');
        }
        else if (fc.end.length === 0) {
            switch (this.type) {
                case 'comma':
                case 'explicit-key-ind':
                    if (!it || it.sep)
                        fc.items.push({ start: [this.sourceToken] });
                    else
                        it.start.push(this.sourceToken);
                    return;
                case 'map-value-ind':
                    if (!it || it.value)
                        fc.items.push({ start: [], key: null, sep: [this.sourceToken] });
                    else if (it.sep)
                        it.sep.push(this.sourceToken);
                    else
                        Object.assign(it, { key: null, sep: [this.sourceToken] });
                    return;
                case 'space':
                case 'comment':
                case 'newline':
                case 'anchor':
                case 'tag':
                    if (!it || it.value)
                        fc.items.push({ start: [this.sourceToken] });
                    else if (it.sep)
                        it.sep.push(this.sourceToken);
                    else
                        it.start.push(this.sourceToken);
                    return;
                case 'alias':
                case 'scalar':
                case 'single-quoted-scalar':
                case 'double-quoted-scalar': {
                    const fs = this.flowScalar(this.type);
                    if (!it || it.value)
                        fc.items.push({ start: [], key: fs, sep: [] });
                    else if (it.sep)
                        this.stack.push(fs);
                    else
                        Object.assign(it, { key: fs, sep: [] });
                    return;
                }
                case 'flow-map-end':
                case 'flow-seq-end':
                    fc.end.push(this.sourceToken);
                    return;
            }
            const bv = this.startBlockValue(fc);
            /* istanbul ignore else should not happen */
            if (bv)
                this.stack.push(bv);
            else {
                yield* this.pop();
                yield* this.step();
            }
        }
        else {
            const parent = this.peek(2);
            if (parent.type === 'block-map' &&
                ((this.type === 'map-value-ind' && parent.indent === fc.indent) ||
                    (this.type === 'newline' &&
                        !parent.items[parent.items.length - 1].sep))) {
                yield* this.pop();
                yield* this.step();
            }
            else if (this.type === 'map-value-ind' &&
                parent.type !== 'flow-collection') {
                const prev = getPrevProps(parent);
                const start = getFirstKeyStartProps(prev);
                fixFlowSeqItems(fc);
                const sep = fc.end.splice(1, fc.end.length);
                sep.push(this.sourceToken);
                const map = {
                    type: 'block-map',
                    offset: fc.offset,
                    indent: fc.indent,
                    items: [{ start, key: fc, sep }]
                };
                this.onKeyLine = true;
                this.stack[this.stack.length - 1] = map;
            }
            else {
                yield* this.lineEnd(fc);
            }
        }
    }
    flowScalar(type) {
        if (this.onNewLine) {
            let nl = this.source.indexOf('\n') + 1;
            while (nl !== 0) {
                this.onNewLine(this.offset + nl);
                nl = this.source.indexOf('\n', nl) + 1;
            }
        }
        return {
            type,
            offset: this.offset,
            indent: this.indent,
            source: this.source
        };
    }
    startBlockValue(parent) {
        switch (this.type) {
            case 'alias':
            case 'scalar':
            case 'single-quoted-scalar':
            case 'double-quoted-scalar':
                return this.flowScalar(this.type);
            case 'block-scalar-header':
                return {
                    type: 'block-scalar',
                    offset: this.offset,
                    indent: this.indent,
                    props: [this.sourceToken],
                    source: ''
                };
            case 'flow-map-start':
            case 'flow-seq-start':
                return {
                    type: 'flow-collection',
                    offset: this.offset,
                    indent: this.indent,
                    start: this.sourceToken,
                    items: [],
                    end: []
                };
            case 'seq-item-ind':
                return {
                    type: 'block-seq',
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: [this.sourceToken] }]
                };
            case 'explicit-key-ind': {
                this.onKeyLine = true;
                const prev = getPrevProps(parent);
                const start = getFirstKeyStartProps(prev);
                start.push(this.sourceToken);
                return {
                    type: 'block-map',
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start, explicitKey: true }]
                };
            }
            case 'map-value-ind': {
                this.onKeyLine = true;
                const prev = getPrevProps(parent);
                const start = getFirstKeyStartProps(prev);
                return {
                    type: 'block-map',
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start, key: null, sep: [this.sourceToken] }]
                };
            }
        }
        return null;
    }
    atIndentedComment(start, indent) {
        if (this.type !== 'comment')
            return false;
        if (this.indent <= indent)
            return false;
        return start.every(st => st.type === 'newline' || st.type === 'space');
    }
    *documentEnd(docEnd) {
        if (this.type !== 'doc-mode') {
            if (docEnd.end)
                docEnd.end.push(this.sourceToken);
            else
                docEnd.end = [this.sourceToken];
            if (this.type === 'newline')
                yield* this.pop();
        }
    }
    *lineEnd(token) {
        switch (this.type) {
            case 'comma':
            case 'doc-start':
            case 'doc-end':
            case 'flow-seq-end':
            case 'flow-map-end':
            case 'map-value-ind':
                yield* this.pop();
                yield* this.step();
                break;
            case 'newline':
                this.onKeyLine = false;
            // fallthrough
            case 'space':
            case 'comment':
            default:
                // all other values are errors
                if (token.end)
                    token.end.push(this.sourceToken);
                else
                    token.end = [this.sourceToken];
                if (this.type === 'newline')
                    yield* this.pop();
        }
    }
}

exports.Parser = Parser;


/***/ }),

/***/ 4047:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var composer = __nccwpck_require__(9984);
var Document = __nccwpck_require__(3021);
var errors = __nccwpck_require__(1464);
var log = __nccwpck_require__(7249);
var identity = __nccwpck_require__(1127);
var lineCounter = __nccwpck_require__(6628);
var parser = __nccwpck_require__(3456);

function parseOptions(options) {
    const prettyErrors = options.prettyErrors !== false;
    const lineCounter$1 = options.lineCounter || (prettyErrors && new lineCounter.LineCounter()) || null;
    return { lineCounter: lineCounter$1, prettyErrors };
}
/**
 * Parse the input as a stream of YAML documents.
 *
 * Documents should be separated from each other by `...` or `---` marker lines.
 *
 * @returns If an empty `docs` array is returned, it will be of type
 *   EmptyStream and contain additional stream information. In
 *   TypeScript, you should use `'empty' in docs` as a type guard for it.
 */
function parseAllDocuments(source, options = {}) {
    const { lineCounter, prettyErrors } = parseOptions(options);
    const parser$1 = new parser.Parser(lineCounter?.addNewLine);
    const composer$1 = new composer.Composer(options);
    const docs = Array.from(composer$1.compose(parser$1.parse(source)));
    if (prettyErrors && lineCounter)
        for (const doc of docs) {
            doc.errors.forEach(errors.prettifyError(source, lineCounter));
            doc.warnings.forEach(errors.prettifyError(source, lineCounter));
        }
    if (docs.length > 0)
        return docs;
    return Object.assign([], { empty: true }, composer$1.streamInfo());
}
/** Parse an input string into a single YAML.Document */
function parseDocument(source, options = {}) {
    const { lineCounter, prettyErrors } = parseOptions(options);
    const parser$1 = new parser.Parser(lineCounter?.addNewLine);
    const composer$1 = new composer.Composer(options);
    // `doc` is always set by compose.end(true) at the very latest
    let doc = null;
    for (const _doc of composer$1.compose(parser$1.parse(source), true, source.length)) {
        if (!doc)
            doc = _doc;
        else if (doc.options.logLevel !== 'silent') {
            doc.errors.push(new errors.YAMLParseError(_doc.range.slice(0, 2), 'MULTIPLE_DOCS', 'Source contains multiple documents; please use YAML.parseAllDocuments()'));
            break;
        }
    }
    if (prettyErrors && lineCounter) {
        doc.errors.forEach(errors.prettifyError(source, lineCounter));
        doc.warnings.forEach(errors.prettifyError(source, lineCounter));
    }
    return doc;
}
function parse(src, reviver, options) {
    let _reviver = undefined;
    if (typeof reviver === 'function') {
        _reviver = reviver;
    }
    else if (options === undefined && reviver && typeof reviver === 'object') {
        options = reviver;
    }
    const doc = parseDocument(src, options);
    if (!doc)
        return null;
    doc.warnings.forEach(warning => log.warn(doc.options.logLevel, warning));
    if (doc.errors.length > 0) {
        if (doc.options.logLevel !== 'silent')
            throw doc.errors[0];
        else
            doc.errors = [];
    }
    return doc.toJS(Object.assign({ reviver: _reviver }, options));
}
function stringify(value, replacer, options) {
    let _replacer = null;
    if (typeof replacer === 'function' || Array.isArray(replacer)) {
        _replacer = replacer;
    }
    else if (options === undefined && replacer) {
        options = replacer;
    }
    if (typeof options === 'string')
        options = options.length;
    if (typeof options === 'number') {
        const indent = Math.round(options);
        options = indent < 1 ? undefined : indent > 8 ? { indent: 8 } : { indent };
    }
    if (value === undefined) {
        const { keepUndefined } = options ?? replacer ?? {};
        if (!keepUndefined)
            return undefined;
    }
    if (identity.isDocument(value) && !_replacer)
        return value.toString(options);
    return new Document.Document(value, _replacer, options).toString(options);
}

exports.parse = parse;
exports.parseAllDocuments = parseAllDocuments;
exports.parseDocument = parseDocument;
exports.stringify = stringify;


/***/ }),

/***/ 5840:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var map = __nccwpck_require__(7451);
var seq = __nccwpck_require__(1706);
var string = __nccwpck_require__(6464);
var tags = __nccwpck_require__(18);

const sortMapEntriesByKey = (a, b) => a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
class Schema {
    constructor({ compat, customTags, merge, resolveKnownTags, schema, sortMapEntries, toStringDefaults }) {
        this.compat = Array.isArray(compat)
            ? tags.getTags(compat, 'compat')
            : compat
                ? tags.getTags(null, compat)
                : null;
        this.name = (typeof schema === 'string' && schema) || 'core';
        this.knownTags = resolveKnownTags ? tags.coreKnownTags : {};
        this.tags = tags.getTags(customTags, this.name, merge);
        this.toStringOptions = toStringDefaults ?? null;
        Object.defineProperty(this, identity.MAP, { value: map.map });
        Object.defineProperty(this, identity.SCALAR, { value: string.string });
        Object.defineProperty(this, identity.SEQ, { value: seq.seq });
        // Used by createMap()
        this.sortMapEntries =
            typeof sortMapEntries === 'function'
                ? sortMapEntries
                : sortMapEntries === true
                    ? sortMapEntriesByKey
                    : null;
    }
    clone() {
        const copy = Object.create(Schema.prototype, Object.getOwnPropertyDescriptors(this));
        copy.tags = this.tags.slice();
        return copy;
    }
}

exports.Schema = Schema;


/***/ }),

/***/ 7451:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var YAMLMap = __nccwpck_require__(4454);

const map = {
    collection: 'map',
    default: true,
    nodeClass: YAMLMap.YAMLMap,
    tag: 'tag:yaml.org,2002:map',
    resolve(map, onError) {
        if (!identity.isMap(map))
            onError('Expected a mapping for this tag');
        return map;
    },
    createNode: (schema, obj, ctx) => YAMLMap.YAMLMap.from(schema, obj, ctx)
};

exports.map = map;


/***/ }),

/***/ 3632:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);

const nullTag = {
    identify: value => value == null,
    createNode: () => new Scalar.Scalar(null),
    default: true,
    tag: 'tag:yaml.org,2002:null',
    test: /^(?:~|[Nn]ull|NULL)?$/,
    resolve: () => new Scalar.Scalar(null),
    stringify: ({ source }, ctx) => typeof source === 'string' && nullTag.test.test(source)
        ? source
        : ctx.options.nullStr
};

exports.nullTag = nullTag;


/***/ }),

/***/ 1706:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var YAMLSeq = __nccwpck_require__(2223);

const seq = {
    collection: 'seq',
    default: true,
    nodeClass: YAMLSeq.YAMLSeq,
    tag: 'tag:yaml.org,2002:seq',
    resolve(seq, onError) {
        if (!identity.isSeq(seq))
            onError('Expected a sequence for this tag');
        return seq;
    },
    createNode: (schema, obj, ctx) => YAMLSeq.YAMLSeq.from(schema, obj, ctx)
};

exports.seq = seq;


/***/ }),

/***/ 6464:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyString = __nccwpck_require__(3069);

const string = {
    identify: value => typeof value === 'string',
    default: true,
    tag: 'tag:yaml.org,2002:str',
    resolve: str => str,
    stringify(item, ctx, onComment, onChompKeep) {
        ctx = Object.assign({ actualString: true }, ctx);
        return stringifyString.stringifyString(item, ctx, onComment, onChompKeep);
    }
};

exports.string = string;


/***/ }),

/***/ 3959:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);

const boolTag = {
    identify: value => typeof value === 'boolean',
    default: true,
    tag: 'tag:yaml.org,2002:bool',
    test: /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
    resolve: str => new Scalar.Scalar(str[0] === 't' || str[0] === 'T'),
    stringify({ source, value }, ctx) {
        if (source && boolTag.test.test(source)) {
            const sv = source[0] === 't' || source[0] === 'T';
            if (value === sv)
                return source;
        }
        return value ? ctx.options.trueStr : ctx.options.falseStr;
    }
};

exports.boolTag = boolTag;


/***/ }),

/***/ 8405:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var stringifyNumber = __nccwpck_require__(8689);

const floatNaN = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
    resolve: str => str.slice(-3).toLowerCase() === 'nan'
        ? NaN
        : str[0] === '-'
            ? Number.NEGATIVE_INFINITY
            : Number.POSITIVE_INFINITY,
    stringify: stringifyNumber.stringifyNumber
};
const floatExp = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    format: 'EXP',
    test: /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
    resolve: str => parseFloat(str),
    stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
    }
};
const float = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
    resolve(str) {
        const node = new Scalar.Scalar(parseFloat(str));
        const dot = str.indexOf('.');
        if (dot !== -1 && str[str.length - 1] === '0')
            node.minFractionDigits = str.length - dot - 1;
        return node;
    },
    stringify: stringifyNumber.stringifyNumber
};

exports.float = float;
exports.floatExp = floatExp;
exports.floatNaN = floatNaN;


/***/ }),

/***/ 9874:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyNumber = __nccwpck_require__(8689);

const intIdentify = (value) => typeof value === 'bigint' || Number.isInteger(value);
const intResolve = (str, offset, radix, { intAsBigInt }) => (intAsBigInt ? BigInt(str) : parseInt(str.substring(offset), radix));
function intStringify(node, radix, prefix) {
    const { value } = node;
    if (intIdentify(value) && value >= 0)
        return prefix + value.toString(radix);
    return stringifyNumber.stringifyNumber(node);
}
const intOct = {
    identify: value => intIdentify(value) && value >= 0,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'OCT',
    test: /^0o[0-7]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 8, opt),
    stringify: node => intStringify(node, 8, '0o')
};
const int = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    test: /^[-+]?[0-9]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
    stringify: stringifyNumber.stringifyNumber
};
const intHex = {
    identify: value => intIdentify(value) && value >= 0,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'HEX',
    test: /^0x[0-9a-fA-F]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
    stringify: node => intStringify(node, 16, '0x')
};

exports.int = int;
exports.intHex = intHex;
exports.intOct = intOct;


/***/ }),

/***/ 896:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var map = __nccwpck_require__(7451);
var _null = __nccwpck_require__(3632);
var seq = __nccwpck_require__(1706);
var string = __nccwpck_require__(6464);
var bool = __nccwpck_require__(3959);
var float = __nccwpck_require__(8405);
var int = __nccwpck_require__(9874);

const schema = [
    map.map,
    seq.seq,
    string.string,
    _null.nullTag,
    bool.boolTag,
    int.intOct,
    int.int,
    int.intHex,
    float.floatNaN,
    float.floatExp,
    float.float
];

exports.schema = schema;


/***/ }),

/***/ 3559:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var map = __nccwpck_require__(7451);
var seq = __nccwpck_require__(1706);

function intIdentify(value) {
    return typeof value === 'bigint' || Number.isInteger(value);
}
const stringifyJSON = ({ value }) => JSON.stringify(value);
const jsonScalars = [
    {
        identify: value => typeof value === 'string',
        default: true,
        tag: 'tag:yaml.org,2002:str',
        resolve: str => str,
        stringify: stringifyJSON
    },
    {
        identify: value => value == null,
        createNode: () => new Scalar.Scalar(null),
        default: true,
        tag: 'tag:yaml.org,2002:null',
        test: /^null$/,
        resolve: () => null,
        stringify: stringifyJSON
    },
    {
        identify: value => typeof value === 'boolean',
        default: true,
        tag: 'tag:yaml.org,2002:bool',
        test: /^true$|^false$/,
        resolve: str => str === 'true',
        stringify: stringifyJSON
    },
    {
        identify: intIdentify,
        default: true,
        tag: 'tag:yaml.org,2002:int',
        test: /^-?(?:0|[1-9][0-9]*)$/,
        resolve: (str, _onError, { intAsBigInt }) => intAsBigInt ? BigInt(str) : parseInt(str, 10),
        stringify: ({ value }) => intIdentify(value) ? value.toString() : JSON.stringify(value)
    },
    {
        identify: value => typeof value === 'number',
        default: true,
        tag: 'tag:yaml.org,2002:float',
        test: /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$/,
        resolve: str => parseFloat(str),
        stringify: stringifyJSON
    }
];
const jsonError = {
    default: true,
    tag: '',
    test: /^/,
    resolve(str, onError) {
        onError(`Unresolved plain scalar ${JSON.stringify(str)}`);
        return str;
    }
};
const schema = [map.map, seq.seq].concat(jsonScalars, jsonError);

exports.schema = schema;


/***/ }),

/***/ 18:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var map = __nccwpck_require__(7451);
var _null = __nccwpck_require__(3632);
var seq = __nccwpck_require__(1706);
var string = __nccwpck_require__(6464);
var bool = __nccwpck_require__(3959);
var float = __nccwpck_require__(8405);
var int = __nccwpck_require__(9874);
var schema = __nccwpck_require__(896);
var schema$1 = __nccwpck_require__(3559);
var binary = __nccwpck_require__(6083);
var merge = __nccwpck_require__(452);
var omap = __nccwpck_require__(303);
var pairs = __nccwpck_require__(8385);
var schema$2 = __nccwpck_require__(5913);
var set = __nccwpck_require__(1528);
var timestamp = __nccwpck_require__(6752);

const schemas = new Map([
    ['core', schema.schema],
    ['failsafe', [map.map, seq.seq, string.string]],
    ['json', schema$1.schema],
    ['yaml11', schema$2.schema],
    ['yaml-1.1', schema$2.schema]
]);
const tagsByName = {
    binary: binary.binary,
    bool: bool.boolTag,
    float: float.float,
    floatExp: float.floatExp,
    floatNaN: float.floatNaN,
    floatTime: timestamp.floatTime,
    int: int.int,
    intHex: int.intHex,
    intOct: int.intOct,
    intTime: timestamp.intTime,
    map: map.map,
    merge: merge.merge,
    null: _null.nullTag,
    omap: omap.omap,
    pairs: pairs.pairs,
    seq: seq.seq,
    set: set.set,
    timestamp: timestamp.timestamp
};
const coreKnownTags = {
    'tag:yaml.org,2002:binary': binary.binary,
    'tag:yaml.org,2002:merge': merge.merge,
    'tag:yaml.org,2002:omap': omap.omap,
    'tag:yaml.org,2002:pairs': pairs.pairs,
    'tag:yaml.org,2002:set': set.set,
    'tag:yaml.org,2002:timestamp': timestamp.timestamp
};
function getTags(customTags, schemaName, addMergeTag) {
    const schemaTags = schemas.get(schemaName);
    if (schemaTags && !customTags) {
        return addMergeTag && !schemaTags.includes(merge.merge)
            ? schemaTags.concat(merge.merge)
            : schemaTags.slice();
    }
    let tags = schemaTags;
    if (!tags) {
        if (Array.isArray(customTags))
            tags = [];
        else {
            const keys = Array.from(schemas.keys())
                .filter(key => key !== 'yaml11')
                .map(key => JSON.stringify(key))
                .join(', ');
            throw new Error(`Unknown schema "${schemaName}"; use one of ${keys} or define customTags array`);
        }
    }
    if (Array.isArray(customTags)) {
        for (const tag of customTags)
            tags = tags.concat(tag);
    }
    else if (typeof customTags === 'function') {
        tags = customTags(tags.slice());
    }
    if (addMergeTag)
        tags = tags.concat(merge.merge);
    return tags.reduce((tags, tag) => {
        const tagObj = typeof tag === 'string' ? tagsByName[tag] : tag;
        if (!tagObj) {
            const tagName = JSON.stringify(tag);
            const keys = Object.keys(tagsByName)
                .map(key => JSON.stringify(key))
                .join(', ');
            throw new Error(`Unknown custom tag ${tagName}; use one of ${keys}`);
        }
        if (!tags.includes(tagObj))
            tags.push(tagObj);
        return tags;
    }, []);
}

exports.coreKnownTags = coreKnownTags;
exports.getTags = getTags;


/***/ }),

/***/ 6083:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var node_buffer = __nccwpck_require__(181);
var Scalar = __nccwpck_require__(3301);
var stringifyString = __nccwpck_require__(3069);

const binary = {
    identify: value => value instanceof Uint8Array, // Buffer inherits from Uint8Array
    default: false,
    tag: 'tag:yaml.org,2002:binary',
    /**
     * Returns a Buffer in node and an Uint8Array in browsers
     *
     * To use the resulting buffer as an image, you'll want to do something like:
     *
     *   const blob = new Blob([buffer], { type: 'image/jpeg' })
     *   document.querySelector('#photo').src = URL.createObjectURL(blob)
     */
    resolve(src, onError) {
        if (typeof node_buffer.Buffer === 'function') {
            return node_buffer.Buffer.from(src, 'base64');
        }
        else if (typeof atob === 'function') {
            // On IE 11, atob() can't handle newlines
            const str = atob(src.replace(/[\n\r]/g, ''));
            const buffer = new Uint8Array(str.length);
            for (let i = 0; i < str.length; ++i)
                buffer[i] = str.charCodeAt(i);
            return buffer;
        }
        else {
            onError('This environment does not support reading binary tags; either Buffer or atob is required');
            return src;
        }
    },
    stringify({ comment, type, value }, ctx, onComment, onChompKeep) {
        if (!value)
            return '';
        const buf = value; // checked earlier by binary.identify()
        let str;
        if (typeof node_buffer.Buffer === 'function') {
            str =
                buf instanceof node_buffer.Buffer
                    ? buf.toString('base64')
                    : node_buffer.Buffer.from(buf.buffer).toString('base64');
        }
        else if (typeof btoa === 'function') {
            let s = '';
            for (let i = 0; i < buf.length; ++i)
                s += String.fromCharCode(buf[i]);
            str = btoa(s);
        }
        else {
            throw new Error('This environment does not support writing binary tags; either Buffer or btoa is required');
        }
        type ?? (type = Scalar.Scalar.BLOCK_LITERAL);
        if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
            const lineWidth = Math.max(ctx.options.lineWidth - ctx.indent.length, ctx.options.minContentWidth);
            const n = Math.ceil(str.length / lineWidth);
            const lines = new Array(n);
            for (let i = 0, o = 0; i < n; ++i, o += lineWidth) {
                lines[i] = str.substr(o, lineWidth);
            }
            str = lines.join(type === Scalar.Scalar.BLOCK_LITERAL ? '\n' : ' ');
        }
        return stringifyString.stringifyString({ comment, type, value: str }, ctx, onComment, onChompKeep);
    }
};

exports.binary = binary;


/***/ }),

/***/ 8398:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);

function boolStringify({ value, source }, ctx) {
    const boolObj = value ? trueTag : falseTag;
    if (source && boolObj.test.test(source))
        return source;
    return value ? ctx.options.trueStr : ctx.options.falseStr;
}
const trueTag = {
    identify: value => value === true,
    default: true,
    tag: 'tag:yaml.org,2002:bool',
    test: /^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/,
    resolve: () => new Scalar.Scalar(true),
    stringify: boolStringify
};
const falseTag = {
    identify: value => value === false,
    default: true,
    tag: 'tag:yaml.org,2002:bool',
    test: /^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/,
    resolve: () => new Scalar.Scalar(false),
    stringify: boolStringify
};

exports.falseTag = falseTag;
exports.trueTag = trueTag;


/***/ }),

/***/ 5782:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var stringifyNumber = __nccwpck_require__(8689);

const floatNaN = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
    resolve: (str) => str.slice(-3).toLowerCase() === 'nan'
        ? NaN
        : str[0] === '-'
            ? Number.NEGATIVE_INFINITY
            : Number.POSITIVE_INFINITY,
    stringify: stringifyNumber.stringifyNumber
};
const floatExp = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    format: 'EXP',
    test: /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/,
    resolve: (str) => parseFloat(str.replace(/_/g, '')),
    stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
    }
};
const float = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/,
    resolve(str) {
        const node = new Scalar.Scalar(parseFloat(str.replace(/_/g, '')));
        const dot = str.indexOf('.');
        if (dot !== -1) {
            const f = str.substring(dot + 1).replace(/_/g, '');
            if (f[f.length - 1] === '0')
                node.minFractionDigits = f.length;
        }
        return node;
    },
    stringify: stringifyNumber.stringifyNumber
};

exports.float = float;
exports.floatExp = floatExp;
exports.floatNaN = floatNaN;


/***/ }),

/***/ 873:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyNumber = __nccwpck_require__(8689);

const intIdentify = (value) => typeof value === 'bigint' || Number.isInteger(value);
function intResolve(str, offset, radix, { intAsBigInt }) {
    const sign = str[0];
    if (sign === '-' || sign === '+')
        offset += 1;
    str = str.substring(offset).replace(/_/g, '');
    if (intAsBigInt) {
        switch (radix) {
            case 2:
                str = `0b${str}`;
                break;
            case 8:
                str = `0o${str}`;
                break;
            case 16:
                str = `0x${str}`;
                break;
        }
        const n = BigInt(str);
        return sign === '-' ? BigInt(-1) * n : n;
    }
    const n = parseInt(str, radix);
    return sign === '-' ? -1 * n : n;
}
function intStringify(node, radix, prefix) {
    const { value } = node;
    if (intIdentify(value)) {
        const str = value.toString(radix);
        return value < 0 ? '-' + prefix + str.substr(1) : prefix + str;
    }
    return stringifyNumber.stringifyNumber(node);
}
const intBin = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'BIN',
    test: /^[-+]?0b[0-1_]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 2, opt),
    stringify: node => intStringify(node, 2, '0b')
};
const intOct = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'OCT',
    test: /^[-+]?0[0-7_]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 1, 8, opt),
    stringify: node => intStringify(node, 8, '0')
};
const int = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    test: /^[-+]?[0-9][0-9_]*$/,
    resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
    stringify: stringifyNumber.stringifyNumber
};
const intHex = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'HEX',
    test: /^[-+]?0x[0-9a-fA-F_]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
    stringify: node => intStringify(node, 16, '0x')
};

exports.int = int;
exports.intBin = intBin;
exports.intHex = intHex;
exports.intOct = intOct;


/***/ }),

/***/ 452:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);

// If the value associated with a merge key is a single mapping node, each of
// its key/value pairs is inserted into the current mapping, unless the key
// already exists in it. If the value associated with the merge key is a
// sequence, then this sequence is expected to contain mapping nodes and each
// of these nodes is merged in turn according to its order in the sequence.
// Keys in mapping nodes earlier in the sequence override keys specified in
// later mapping nodes. -- http://yaml.org/type/merge.html
const MERGE_KEY = '<<';
const merge = {
    identify: value => value === MERGE_KEY ||
        (typeof value === 'symbol' && value.description === MERGE_KEY),
    default: 'key',
    tag: 'tag:yaml.org,2002:merge',
    test: /^<<$/,
    resolve: () => Object.assign(new Scalar.Scalar(Symbol(MERGE_KEY)), {
        addToJSMap: addMergeToJSMap
    }),
    stringify: () => MERGE_KEY
};
const isMergeKey = (ctx, key) => (merge.identify(key) ||
    (identity.isScalar(key) &&
        (!key.type || key.type === Scalar.Scalar.PLAIN) &&
        merge.identify(key.value))) &&
    ctx?.doc.schema.tags.some(tag => tag.tag === merge.tag && tag.default);
function addMergeToJSMap(ctx, map, value) {
    const source = resolveAliasValue(ctx, value);
    if (identity.isSeq(source))
        for (const it of source.items)
            mergeValue(ctx, map, it);
    else if (Array.isArray(source))
        for (const it of source)
            mergeValue(ctx, map, it);
    else
        mergeValue(ctx, map, source);
}
function mergeValue(ctx, map, value) {
    const source = resolveAliasValue(ctx, value);
    if (!identity.isMap(source))
        throw new Error('Merge sources must be maps or map aliases');
    const srcMap = source.toJSON(null, ctx, Map);
    for (const [key, value] of srcMap) {
        if (map instanceof Map) {
            if (!map.has(key))
                map.set(key, value);
        }
        else if (map instanceof Set) {
            map.add(key);
        }
        else if (!Object.prototype.hasOwnProperty.call(map, key)) {
            Object.defineProperty(map, key, {
                value,
                writable: true,
                enumerable: true,
                configurable: true
            });
        }
    }
    return map;
}
function resolveAliasValue(ctx, value) {
    return ctx && identity.isAlias(value) ? value.resolve(ctx.doc, ctx) : value;
}

exports.addMergeToJSMap = addMergeToJSMap;
exports.isMergeKey = isMergeKey;
exports.merge = merge;


/***/ }),

/***/ 303:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var toJS = __nccwpck_require__(4043);
var YAMLMap = __nccwpck_require__(4454);
var YAMLSeq = __nccwpck_require__(2223);
var pairs = __nccwpck_require__(8385);

class YAMLOMap extends YAMLSeq.YAMLSeq {
    constructor() {
        super();
        this.add = YAMLMap.YAMLMap.prototype.add.bind(this);
        this.delete = YAMLMap.YAMLMap.prototype.delete.bind(this);
        this.get = YAMLMap.YAMLMap.prototype.get.bind(this);
        this.has = YAMLMap.YAMLMap.prototype.has.bind(this);
        this.set = YAMLMap.YAMLMap.prototype.set.bind(this);
        this.tag = YAMLOMap.tag;
    }
    /**
     * If `ctx` is given, the return type is actually `Map<unknown, unknown>`,
     * but TypeScript won't allow widening the signature of a child method.
     */
    toJSON(_, ctx) {
        if (!ctx)
            return super.toJSON(_);
        const map = new Map();
        if (ctx?.onCreate)
            ctx.onCreate(map);
        for (const pair of this.items) {
            let key, value;
            if (identity.isPair(pair)) {
                key = toJS.toJS(pair.key, '', ctx);
                value = toJS.toJS(pair.value, key, ctx);
            }
            else {
                key = toJS.toJS(pair, '', ctx);
            }
            if (map.has(key))
                throw new Error('Ordered maps must not include duplicate keys');
            map.set(key, value);
        }
        return map;
    }
    static from(schema, iterable, ctx) {
        const pairs$1 = pairs.createPairs(schema, iterable, ctx);
        const omap = new this();
        omap.items = pairs$1.items;
        return omap;
    }
}
YAMLOMap.tag = 'tag:yaml.org,2002:omap';
const omap = {
    collection: 'seq',
    identify: value => value instanceof Map,
    nodeClass: YAMLOMap,
    default: false,
    tag: 'tag:yaml.org,2002:omap',
    resolve(seq, onError) {
        const pairs$1 = pairs.resolvePairs(seq, onError);
        const seenKeys = [];
        for (const { key } of pairs$1.items) {
            if (identity.isScalar(key)) {
                if (seenKeys.includes(key.value)) {
                    onError(`Ordered maps must not include duplicate keys: ${key.value}`);
                }
                else {
                    seenKeys.push(key.value);
                }
            }
        }
        return Object.assign(new YAMLOMap(), pairs$1);
    },
    createNode: (schema, iterable, ctx) => YAMLOMap.from(schema, iterable, ctx)
};

exports.YAMLOMap = YAMLOMap;
exports.omap = omap;


/***/ }),

/***/ 8385:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var Scalar = __nccwpck_require__(3301);
var YAMLSeq = __nccwpck_require__(2223);

function resolvePairs(seq, onError) {
    if (identity.isSeq(seq)) {
        for (let i = 0; i < seq.items.length; ++i) {
            let item = seq.items[i];
            if (identity.isPair(item))
                continue;
            else if (identity.isMap(item)) {
                if (item.items.length > 1)
                    onError('Each pair must have its own sequence indicator');
                const pair = item.items[0] || new Pair.Pair(new Scalar.Scalar(null));
                if (item.commentBefore)
                    pair.key.commentBefore = pair.key.commentBefore
                        ? `${item.commentBefore}\n${pair.key.commentBefore}`
                        : item.commentBefore;
                if (item.comment) {
                    const cn = pair.value ?? pair.key;
                    cn.comment = cn.comment
                        ? `${item.comment}\n${cn.comment}`
                        : item.comment;
                }
                item = pair;
            }
            seq.items[i] = identity.isPair(item) ? item : new Pair.Pair(item);
        }
    }
    else
        onError('Expected a sequence for this tag');
    return seq;
}
function createPairs(schema, iterable, ctx) {
    const { replacer } = ctx;
    const pairs = new YAMLSeq.YAMLSeq(schema);
    pairs.tag = 'tag:yaml.org,2002:pairs';
    let i = 0;
    if (iterable && Symbol.iterator in Object(iterable))
        for (let it of iterable) {
            if (typeof replacer === 'function')
                it = replacer.call(iterable, String(i++), it);
            let key, value;
            if (Array.isArray(it)) {
                if (it.length === 2) {
                    key = it[0];
                    value = it[1];
                }
                else
                    throw new TypeError(`Expected [key, value] tuple: ${it}`);
            }
            else if (it && it instanceof Object) {
                const keys = Object.keys(it);
                if (keys.length === 1) {
                    key = keys[0];
                    value = it[key];
                }
                else {
                    throw new TypeError(`Expected tuple with one key, not ${keys.length} keys`);
                }
            }
            else {
                key = it;
            }
            pairs.items.push(Pair.createPair(key, value, ctx));
        }
    return pairs;
}
const pairs = {
    collection: 'seq',
    default: false,
    tag: 'tag:yaml.org,2002:pairs',
    resolve: resolvePairs,
    createNode: createPairs
};

exports.createPairs = createPairs;
exports.pairs = pairs;
exports.resolvePairs = resolvePairs;


/***/ }),

/***/ 5913:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var map = __nccwpck_require__(7451);
var _null = __nccwpck_require__(3632);
var seq = __nccwpck_require__(1706);
var string = __nccwpck_require__(6464);
var binary = __nccwpck_require__(6083);
var bool = __nccwpck_require__(8398);
var float = __nccwpck_require__(5782);
var int = __nccwpck_require__(873);
var merge = __nccwpck_require__(452);
var omap = __nccwpck_require__(303);
var pairs = __nccwpck_require__(8385);
var set = __nccwpck_require__(1528);
var timestamp = __nccwpck_require__(6752);

const schema = [
    map.map,
    seq.seq,
    string.string,
    _null.nullTag,
    bool.trueTag,
    bool.falseTag,
    int.intBin,
    int.intOct,
    int.int,
    int.intHex,
    float.floatNaN,
    float.floatExp,
    float.float,
    binary.binary,
    merge.merge,
    omap.omap,
    pairs.pairs,
    set.set,
    timestamp.intTime,
    timestamp.floatTime,
    timestamp.timestamp
];

exports.schema = schema;


/***/ }),

/***/ 1528:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var YAMLMap = __nccwpck_require__(4454);

class YAMLSet extends YAMLMap.YAMLMap {
    constructor(schema) {
        super(schema);
        this.tag = YAMLSet.tag;
    }
    add(key) {
        let pair;
        if (identity.isPair(key))
            pair = key;
        else if (key &&
            typeof key === 'object' &&
            'key' in key &&
            'value' in key &&
            key.value === null)
            pair = new Pair.Pair(key.key, null);
        else
            pair = new Pair.Pair(key, null);
        const prev = YAMLMap.findPair(this.items, pair.key);
        if (!prev)
            this.items.push(pair);
    }
    /**
     * If `keepPair` is `true`, returns the Pair matching `key`.
     * Otherwise, returns the value of that Pair's key.
     */
    get(key, keepPair) {
        const pair = YAMLMap.findPair(this.items, key);
        return !keepPair && identity.isPair(pair)
            ? identity.isScalar(pair.key)
                ? pair.key.value
                : pair.key
            : pair;
    }
    set(key, value) {
        if (typeof value !== 'boolean')
            throw new Error(`Expected boolean value for set(key, value) in a YAML set, not ${typeof value}`);
        const prev = YAMLMap.findPair(this.items, key);
        if (prev && !value) {
            this.items.splice(this.items.indexOf(prev), 1);
        }
        else if (!prev && value) {
            this.items.push(new Pair.Pair(key));
        }
    }
    toJSON(_, ctx) {
        return super.toJSON(_, ctx, Set);
    }
    toString(ctx, onComment, onChompKeep) {
        if (!ctx)
            return JSON.stringify(this);
        if (this.hasAllNullValues(true))
            return super.toString(Object.assign({}, ctx, { allNullValues: true }), onComment, onChompKeep);
        else
            throw new Error('Set items must all have null values');
    }
    static from(schema, iterable, ctx) {
        const { replacer } = ctx;
        const set = new this(schema);
        if (iterable && Symbol.iterator in Object(iterable))
            for (let value of iterable) {
                if (typeof replacer === 'function')
                    value = replacer.call(iterable, value, value);
                set.items.push(Pair.createPair(value, null, ctx));
            }
        return set;
    }
}
YAMLSet.tag = 'tag:yaml.org,2002:set';
const set = {
    collection: 'map',
    identify: value => value instanceof Set,
    nodeClass: YAMLSet,
    default: false,
    tag: 'tag:yaml.org,2002:set',
    createNode: (schema, iterable, ctx) => YAMLSet.from(schema, iterable, ctx),
    resolve(map, onError) {
        if (identity.isMap(map)) {
            if (map.hasAllNullValues(true))
                return Object.assign(new YAMLSet(), map);
            else
                onError('Set items must all have null values');
        }
        else
            onError('Expected a mapping for this tag');
        return map;
    }
};

exports.YAMLSet = YAMLSet;
exports.set = set;


/***/ }),

/***/ 6752:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyNumber = __nccwpck_require__(8689);

/** Internal types handle bigint as number, because TS can't figure it out. */
function parseSexagesimal(str, asBigInt) {
    const sign = str[0];
    const parts = sign === '-' || sign === '+' ? str.substring(1) : str;
    const num = (n) => asBigInt ? BigInt(n) : Number(n);
    const res = parts
        .replace(/_/g, '')
        .split(':')
        .reduce((res, p) => res * num(60) + num(p), num(0));
    return (sign === '-' ? num(-1) * res : res);
}
/**
 * hhhh:mm:ss.sss
 *
 * Internal types handle bigint as number, because TS can't figure it out.
 */
function stringifySexagesimal(node) {
    let { value } = node;
    let num = (n) => n;
    if (typeof value === 'bigint')
        num = n => BigInt(n);
    else if (isNaN(value) || !isFinite(value))
        return stringifyNumber.stringifyNumber(node);
    let sign = '';
    if (value < 0) {
        sign = '-';
        value *= num(-1);
    }
    const _60 = num(60);
    const parts = [value % _60]; // seconds, including ms
    if (value < 60) {
        parts.unshift(0); // at least one : is required
    }
    else {
        value = (value - parts[0]) / _60;
        parts.unshift(value % _60); // minutes
        if (value >= 60) {
            value = (value - parts[0]) / _60;
            parts.unshift(value); // hours
        }
    }
    return (sign +
        parts
            .map(n => String(n).padStart(2, '0'))
            .join(':')
            .replace(/000000\d*$/, '') // % 60 may introduce error
    );
}
const intTime = {
    identify: value => typeof value === 'bigint' || Number.isInteger(value),
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'TIME',
    test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+$/,
    resolve: (str, _onError, { intAsBigInt }) => parseSexagesimal(str, intAsBigInt),
    stringify: stringifySexagesimal
};
const floatTime = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    format: 'TIME',
    test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*$/,
    resolve: str => parseSexagesimal(str, false),
    stringify: stringifySexagesimal
};
const timestamp = {
    identify: value => value instanceof Date,
    default: true,
    tag: 'tag:yaml.org,2002:timestamp',
    // If the time zone is omitted, the timestamp is assumed to be specified in UTC. The time part
    // may be omitted altogether, resulting in a date format. In such a case, the time part is
    // assumed to be 00:00:00Z (start of day, UTC).
    test: RegExp('^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})' + // YYYY-Mm-Dd
        '(?:' + // time is optional
        '(?:t|T|[ \\t]+)' + // t | T | whitespace
        '([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2}(\\.[0-9]+)?)' + // Hh:Mm:Ss(.ss)?
        '(?:[ \\t]*(Z|[-+][012]?[0-9](?::[0-9]{2})?))?' + // Z | +5 | -03:30
        ')?$'),
    resolve(str) {
        const match = str.match(timestamp.test);
        if (!match)
            throw new Error('!!timestamp expects a date, starting with yyyy-mm-dd');
        const [, year, month, day, hour, minute, second] = match.map(Number);
        const millisec = match[7] ? Number((match[7] + '00').substr(1, 3)) : 0;
        let date = Date.UTC(year, month - 1, day, hour || 0, minute || 0, second || 0, millisec);
        const tz = match[8];
        if (tz && tz !== 'Z') {
            let d = parseSexagesimal(tz, false);
            if (Math.abs(d) < 30)
                d *= 60;
            date -= 60000 * d;
        }
        return new Date(date);
    },
    stringify: ({ value }) => value?.toISOString().replace(/(T00:00:00)?\.000Z$/, '') ?? ''
};

exports.floatTime = floatTime;
exports.intTime = intTime;
exports.timestamp = timestamp;


/***/ }),

/***/ 4475:
/***/ ((__unused_webpack_module, exports) => {



const FOLD_FLOW = 'flow';
const FOLD_BLOCK = 'block';
const FOLD_QUOTED = 'quoted';
/**
 * Tries to keep input at up to `lineWidth` characters, splitting only on spaces
 * not followed by newlines or spaces unless `mode` is `'quoted'`. Lines are
 * terminated with `\n` and started with `indent`.
 */
function foldFlowLines(text, indent, mode = 'flow', { indentAtStart, lineWidth = 80, minContentWidth = 20, onFold, onOverflow } = {}) {
    if (!lineWidth || lineWidth < 0)
        return text;
    if (lineWidth < minContentWidth)
        minContentWidth = 0;
    const endStep = Math.max(1 + minContentWidth, 1 + lineWidth - indent.length);
    if (text.length <= endStep)
        return text;
    const folds = [];
    const escapedFolds = {};
    let end = lineWidth - indent.length;
    if (typeof indentAtStart === 'number') {
        if (indentAtStart > lineWidth - Math.max(2, minContentWidth))
            folds.push(0);
        else
            end = lineWidth - indentAtStart;
    }
    let split = undefined;
    let prev = undefined;
    let overflow = false;
    let i = -1;
    let escStart = -1;
    let escEnd = -1;
    if (mode === FOLD_BLOCK) {
        i = consumeMoreIndentedLines(text, i, indent.length);
        if (i !== -1)
            end = i + endStep;
    }
    for (let ch; (ch = text[(i += 1)]);) {
        if (mode === FOLD_QUOTED && ch === '\\') {
            escStart = i;
            switch (text[i + 1]) {
                case 'x':
                    i += 3;
                    break;
                case 'u':
                    i += 5;
                    break;
                case 'U':
                    i += 9;
                    break;
                default:
                    i += 1;
            }
            escEnd = i;
        }
        if (ch === '\n') {
            if (mode === FOLD_BLOCK)
                i = consumeMoreIndentedLines(text, i, indent.length);
            end = i + indent.length + endStep;
            split = undefined;
        }
        else {
            if (ch === ' ' &&
                prev &&
                prev !== ' ' &&
                prev !== '\n' &&
                prev !== '\t') {
                // space surrounded by non-space can be replaced with newline + indent
                const next = text[i + 1];
                if (next && next !== ' ' && next !== '\n' && next !== '\t')
                    split = i;
            }
            if (i >= end) {
                if (split) {
                    folds.push(split);
                    end = split + endStep;
                    split = undefined;
                }
                else if (mode === FOLD_QUOTED) {
                    // white-space collected at end may stretch past lineWidth
                    while (prev === ' ' || prev === '\t') {
                        prev = ch;
                        ch = text[(i += 1)];
                        overflow = true;
                    }
                    // Account for newline escape, but don't break preceding escape
                    const j = i > escEnd + 1 ? i - 2 : escStart - 1;
                    // Bail out if lineWidth & minContentWidth are shorter than an escape string
                    if (escapedFolds[j])
                        return text;
                    folds.push(j);
                    escapedFolds[j] = true;
                    end = j + endStep;
                    split = undefined;
                }
                else {
                    overflow = true;
                }
            }
        }
        prev = ch;
    }
    if (overflow && onOverflow)
        onOverflow();
    if (folds.length === 0)
        return text;
    if (onFold)
        onFold();
    let res = text.slice(0, folds[0]);
    for (let i = 0; i < folds.length; ++i) {
        const fold = folds[i];
        const end = folds[i + 1] || text.length;
        if (fold === 0)
            res = `\n${indent}${text.slice(0, end)}`;
        else {
            if (mode === FOLD_QUOTED && escapedFolds[fold])
                res += `${text[fold]}\\`;
            res += `\n${indent}${text.slice(fold + 1, end)}`;
        }
    }
    return res;
}
/**
 * Presumes `i + 1` is at the start of a line
 * @returns index of last newline in more-indented block
 */
function consumeMoreIndentedLines(text, i, indent) {
    let end = i;
    let start = i + 1;
    let ch = text[start];
    while (ch === ' ' || ch === '\t') {
        if (i < start + indent) {
            ch = text[++i];
        }
        else {
            do {
                ch = text[++i];
            } while (ch && ch !== '\n');
            end = i;
            start = i + 1;
            ch = text[start];
        }
    }
    return end;
}

exports.FOLD_BLOCK = FOLD_BLOCK;
exports.FOLD_FLOW = FOLD_FLOW;
exports.FOLD_QUOTED = FOLD_QUOTED;
exports.foldFlowLines = foldFlowLines;


/***/ }),

/***/ 2148:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var anchors = __nccwpck_require__(1596);
var identity = __nccwpck_require__(1127);
var stringifyComment = __nccwpck_require__(9799);
var stringifyString = __nccwpck_require__(3069);

function createStringifyContext(doc, options) {
    const opt = Object.assign({
        blockQuote: true,
        commentString: stringifyComment.stringifyComment,
        defaultKeyType: null,
        defaultStringType: 'PLAIN',
        directives: null,
        doubleQuotedAsJSON: false,
        doubleQuotedMinMultiLineLength: 40,
        falseStr: 'false',
        flowCollectionPadding: true,
        indentSeq: true,
        lineWidth: 80,
        minContentWidth: 20,
        nullStr: 'null',
        simpleKeys: false,
        singleQuote: null,
        trailingComma: false,
        trueStr: 'true',
        verifyAliasOrder: true
    }, doc.schema.toStringOptions, options);
    let inFlow;
    switch (opt.collectionStyle) {
        case 'block':
            inFlow = false;
            break;
        case 'flow':
            inFlow = true;
            break;
        default:
            inFlow = null;
    }
    return {
        anchors: new Set(),
        doc,
        flowCollectionPadding: opt.flowCollectionPadding ? ' ' : '',
        indent: '',
        indentStep: typeof opt.indent === 'number' ? ' '.repeat(opt.indent) : '  ',
        inFlow,
        options: opt
    };
}
function getTagObject(tags, item) {
    if (item.tag) {
        const match = tags.filter(t => t.tag === item.tag);
        if (match.length > 0)
            return match.find(t => t.format === item.format) ?? match[0];
    }
    let tagObj = undefined;
    let obj;
    if (identity.isScalar(item)) {
        obj = item.value;
        let match = tags.filter(t => t.identify?.(obj));
        if (match.length > 1) {
            const testMatch = match.filter(t => t.test);
            if (testMatch.length > 0)
                match = testMatch;
        }
        tagObj =
            match.find(t => t.format === item.format) ?? match.find(t => !t.format);
    }
    else {
        obj = item;
        tagObj = tags.find(t => t.nodeClass && obj instanceof t.nodeClass);
    }
    if (!tagObj) {
        const name = obj?.constructor?.name ?? (obj === null ? 'null' : typeof obj);
        throw new Error(`Tag not resolved for ${name} value`);
    }
    return tagObj;
}
// needs to be called before value stringifier to allow for circular anchor refs
function stringifyProps(node, tagObj, { anchors: anchors$1, doc }) {
    if (!doc.directives)
        return '';
    const props = [];
    const anchor = (identity.isScalar(node) || identity.isCollection(node)) && node.anchor;
    if (anchor && anchors.anchorIsValid(anchor)) {
        anchors$1.add(anchor);
        props.push(`&${anchor}`);
    }
    const tag = node.tag ?? (tagObj.default ? null : tagObj.tag);
    if (tag)
        props.push(doc.directives.tagString(tag));
    return props.join(' ');
}
function stringify(item, ctx, onComment, onChompKeep) {
    if (identity.isPair(item))
        return item.toString(ctx, onComment, onChompKeep);
    if (identity.isAlias(item)) {
        if (ctx.doc.directives)
            return item.toString(ctx);
        if (ctx.resolvedAliases?.has(item)) {
            throw new TypeError(`Cannot stringify circular structure without alias nodes`);
        }
        else {
            if (ctx.resolvedAliases)
                ctx.resolvedAliases.add(item);
            else
                ctx.resolvedAliases = new Set([item]);
            item = item.resolve(ctx.doc);
        }
    }
    let tagObj = undefined;
    const node = identity.isNode(item)
        ? item
        : ctx.doc.createNode(item, { onTagObj: o => (tagObj = o) });
    tagObj ?? (tagObj = getTagObject(ctx.doc.schema.tags, node));
    const props = stringifyProps(node, tagObj, ctx);
    if (props.length > 0)
        ctx.indentAtStart = (ctx.indentAtStart ?? 0) + props.length + 1;
    const str = typeof tagObj.stringify === 'function'
        ? tagObj.stringify(node, ctx, onComment, onChompKeep)
        : identity.isScalar(node)
            ? stringifyString.stringifyString(node, ctx, onComment, onChompKeep)
            : node.toString(ctx, onComment, onChompKeep);
    if (!props)
        return str;
    return identity.isScalar(node) || str[0] === '{' || str[0] === '['
        ? `${props} ${str}`
        : `${props}\n${ctx.indent}${str}`;
}

exports.createStringifyContext = createStringifyContext;
exports.stringify = stringify;


/***/ }),

/***/ 1212:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var stringify = __nccwpck_require__(2148);
var stringifyComment = __nccwpck_require__(9799);

function stringifyCollection(collection, ctx, options) {
    const flow = ctx.inFlow ?? collection.flow;
    const stringify = flow ? stringifyFlowCollection : stringifyBlockCollection;
    return stringify(collection, ctx, options);
}
function stringifyBlockCollection({ comment, items }, ctx, { blockItemPrefix, flowChars, itemIndent, onChompKeep, onComment }) {
    const { indent, options: { commentString } } = ctx;
    const itemCtx = Object.assign({}, ctx, { indent: itemIndent, type: null });
    let chompKeep = false; // flag for the preceding node's status
    const lines = [];
    for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment = null;
        if (identity.isNode(item)) {
            if (!chompKeep && item.spaceBefore)
                lines.push('');
            addCommentBefore(ctx, lines, item.commentBefore, chompKeep);
            if (item.comment)
                comment = item.comment;
        }
        else if (identity.isPair(item)) {
            const ik = identity.isNode(item.key) ? item.key : null;
            if (ik) {
                if (!chompKeep && ik.spaceBefore)
                    lines.push('');
                addCommentBefore(ctx, lines, ik.commentBefore, chompKeep);
            }
        }
        chompKeep = false;
        let str = stringify.stringify(item, itemCtx, () => (comment = null), () => (chompKeep = true));
        if (comment)
            str += stringifyComment.lineComment(str, itemIndent, commentString(comment));
        if (chompKeep && comment)
            chompKeep = false;
        lines.push(blockItemPrefix + str);
    }
    let str;
    if (lines.length === 0) {
        str = flowChars.start + flowChars.end;
    }
    else {
        str = lines[0];
        for (let i = 1; i < lines.length; ++i) {
            const line = lines[i];
            str += line ? `\n${indent}${line}` : '\n';
        }
    }
    if (comment) {
        str += '\n' + stringifyComment.indentComment(commentString(comment), indent);
        if (onComment)
            onComment();
    }
    else if (chompKeep && onChompKeep)
        onChompKeep();
    return str;
}
function stringifyFlowCollection({ items }, ctx, { flowChars, itemIndent }) {
    const { indent, indentStep, flowCollectionPadding: fcPadding, options: { commentString } } = ctx;
    itemIndent += indentStep;
    const itemCtx = Object.assign({}, ctx, {
        indent: itemIndent,
        inFlow: true,
        type: null
    });
    let reqNewline = false;
    let linesAtValue = 0;
    const lines = [];
    for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment = null;
        if (identity.isNode(item)) {
            if (item.spaceBefore)
                lines.push('');
            addCommentBefore(ctx, lines, item.commentBefore, false);
            if (item.comment)
                comment = item.comment;
        }
        else if (identity.isPair(item)) {
            const ik = identity.isNode(item.key) ? item.key : null;
            if (ik) {
                if (ik.spaceBefore)
                    lines.push('');
                addCommentBefore(ctx, lines, ik.commentBefore, false);
                if (ik.comment)
                    reqNewline = true;
            }
            const iv = identity.isNode(item.value) ? item.value : null;
            if (iv) {
                if (iv.comment)
                    comment = iv.comment;
                if (iv.commentBefore)
                    reqNewline = true;
            }
            else if (item.value == null && ik?.comment) {
                comment = ik.comment;
            }
        }
        if (comment)
            reqNewline = true;
        let str = stringify.stringify(item, itemCtx, () => (comment = null));
        reqNewline || (reqNewline = lines.length > linesAtValue || str.includes('\n'));
        if (i < items.length - 1) {
            str += ',';
        }
        else if (ctx.options.trailingComma) {
            if (ctx.options.lineWidth > 0) {
                reqNewline || (reqNewline = lines.reduce((sum, line) => sum + line.length + 2, 2) +
                    (str.length + 2) >
                    ctx.options.lineWidth);
            }
            if (reqNewline) {
                str += ',';
            }
        }
        if (comment)
            str += stringifyComment.lineComment(str, itemIndent, commentString(comment));
        lines.push(str);
        linesAtValue = lines.length;
    }
    const { start, end } = flowChars;
    if (lines.length === 0) {
        return start + end;
    }
    else {
        if (!reqNewline) {
            const len = lines.reduce((sum, line) => sum + line.length + 2, 2);
            reqNewline = ctx.options.lineWidth > 0 && len > ctx.options.lineWidth;
        }
        if (reqNewline) {
            let str = start;
            for (const line of lines)
                str += line ? `\n${indentStep}${indent}${line}` : '\n';
            return `${str}\n${indent}${end}`;
        }
        else {
            return `${start}${fcPadding}${lines.join(' ')}${fcPadding}${end}`;
        }
    }
}
function addCommentBefore({ indent, options: { commentString } }, lines, comment, chompKeep) {
    if (comment && chompKeep)
        comment = comment.replace(/^\n+/, '');
    if (comment) {
        const ic = stringifyComment.indentComment(commentString(comment), indent);
        lines.push(ic.trimStart()); // Avoid double indent on first line
    }
}

exports.stringifyCollection = stringifyCollection;


/***/ }),

/***/ 9799:
/***/ ((__unused_webpack_module, exports) => {



/**
 * Stringifies a comment.
 *
 * Empty comment lines are left empty,
 * lines consisting of a single space are replaced by `#`,
 * and all other lines are prefixed with a `#`.
 */
const stringifyComment = (str) => str.replace(/^(?!$)(?: $)?/gm, '#');
function indentComment(comment, indent) {
    if (/^\n+$/.test(comment))
        return comment.substring(1);
    return indent ? comment.replace(/^(?! *$)/gm, indent) : comment;
}
const lineComment = (str, indent, comment) => str.endsWith('\n')
    ? indentComment(comment, indent)
    : comment.includes('\n')
        ? '\n' + indentComment(comment, indent)
        : (str.endsWith(' ') ? '' : ' ') + comment;

exports.indentComment = indentComment;
exports.lineComment = lineComment;
exports.stringifyComment = stringifyComment;


/***/ }),

/***/ 6829:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var stringify = __nccwpck_require__(2148);
var stringifyComment = __nccwpck_require__(9799);

function stringifyDocument(doc, options) {
    const lines = [];
    let hasDirectives = options.directives === true;
    if (options.directives !== false && doc.directives) {
        const dir = doc.directives.toString(doc);
        if (dir) {
            lines.push(dir);
            hasDirectives = true;
        }
        else if (doc.directives.docStart)
            hasDirectives = true;
    }
    if (hasDirectives)
        lines.push('---');
    const ctx = stringify.createStringifyContext(doc, options);
    const { commentString } = ctx.options;
    if (doc.commentBefore) {
        if (lines.length !== 1)
            lines.unshift('');
        const cs = commentString(doc.commentBefore);
        lines.unshift(stringifyComment.indentComment(cs, ''));
    }
    let chompKeep = false;
    let contentComment = null;
    if (doc.contents) {
        if (identity.isNode(doc.contents)) {
            if (doc.contents.spaceBefore && hasDirectives)
                lines.push('');
            if (doc.contents.commentBefore) {
                const cs = commentString(doc.contents.commentBefore);
                lines.push(stringifyComment.indentComment(cs, ''));
            }
            // top-level block scalars need to be indented if followed by a comment
            ctx.forceBlockIndent = !!doc.comment;
            contentComment = doc.contents.comment;
        }
        const onChompKeep = contentComment ? undefined : () => (chompKeep = true);
        let body = stringify.stringify(doc.contents, ctx, () => (contentComment = null), onChompKeep);
        if (contentComment)
            body += stringifyComment.lineComment(body, '', commentString(contentComment));
        if ((body[0] === '|' || body[0] === '>') &&
            lines[lines.length - 1] === '---') {
            // Top-level block scalars with a preceding doc marker ought to use the
            // same line for their header.
            lines[lines.length - 1] = `--- ${body}`;
        }
        else
            lines.push(body);
    }
    else {
        lines.push(stringify.stringify(doc.contents, ctx));
    }
    if (doc.directives?.docEnd) {
        if (doc.comment) {
            const cs = commentString(doc.comment);
            if (cs.includes('\n')) {
                lines.push('...');
                lines.push(stringifyComment.indentComment(cs, ''));
            }
            else {
                lines.push(`... ${cs}`);
            }
        }
        else {
            lines.push('...');
        }
    }
    else {
        let dc = doc.comment;
        if (dc && chompKeep)
            dc = dc.replace(/^\n+/, '');
        if (dc) {
            if ((!chompKeep || contentComment) && lines[lines.length - 1] !== '')
                lines.push('');
            lines.push(stringifyComment.indentComment(commentString(dc), ''));
        }
    }
    return lines.join('\n') + '\n';
}

exports.stringifyDocument = stringifyDocument;


/***/ }),

/***/ 8689:
/***/ ((__unused_webpack_module, exports) => {



function stringifyNumber({ format, minFractionDigits, tag, value }) {
    if (typeof value === 'bigint')
        return String(value);
    const num = typeof value === 'number' ? value : Number(value);
    if (!isFinite(num))
        return isNaN(num) ? '.nan' : num < 0 ? '-.inf' : '.inf';
    let n = Object.is(value, -0) ? '-0' : JSON.stringify(value);
    if (!format &&
        minFractionDigits &&
        (!tag || tag === 'tag:yaml.org,2002:float') &&
        /^-?\d/.test(n) &&
        !n.includes('e')) {
        let i = n.indexOf('.');
        if (i < 0) {
            i = n.length;
            n += '.';
        }
        let d = minFractionDigits - (n.length - i - 1);
        while (d-- > 0)
            n += '0';
    }
    return n;
}

exports.stringifyNumber = stringifyNumber;


/***/ }),

/***/ 9748:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);
var stringify = __nccwpck_require__(2148);
var stringifyComment = __nccwpck_require__(9799);

function stringifyPair({ key, value }, ctx, onComment, onChompKeep) {
    const { allNullValues, doc, indent, indentStep, options: { commentString, indentSeq, simpleKeys } } = ctx;
    let keyComment = (identity.isNode(key) && key.comment) || null;
    if (simpleKeys) {
        if (keyComment) {
            throw new Error('With simple keys, key nodes cannot have comments');
        }
        if (identity.isCollection(key) || (!identity.isNode(key) && typeof key === 'object')) {
            const msg = 'With simple keys, collection cannot be used as a key value';
            throw new Error(msg);
        }
    }
    let explicitKey = !simpleKeys &&
        (!key ||
            (keyComment && value == null && !ctx.inFlow) ||
            identity.isCollection(key) ||
            (identity.isScalar(key)
                ? key.type === Scalar.Scalar.BLOCK_FOLDED || key.type === Scalar.Scalar.BLOCK_LITERAL
                : typeof key === 'object'));
    ctx = Object.assign({}, ctx, {
        allNullValues: false,
        implicitKey: !explicitKey && (simpleKeys || !allNullValues),
        indent: indent + indentStep
    });
    let keyCommentDone = false;
    let chompKeep = false;
    let str = stringify.stringify(key, ctx, () => (keyCommentDone = true), () => (chompKeep = true));
    if (!explicitKey && !ctx.inFlow && str.length > 1024) {
        if (simpleKeys)
            throw new Error('With simple keys, single line scalar must not span more than 1024 characters');
        explicitKey = true;
    }
    if (ctx.inFlow) {
        if (allNullValues || value == null) {
            if (keyCommentDone && onComment)
                onComment();
            return str === '' ? '?' : explicitKey ? `? ${str}` : str;
        }
    }
    else if ((allNullValues && !simpleKeys) || (value == null && explicitKey)) {
        str = `? ${str}`;
        if (keyComment && !keyCommentDone) {
            str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
        }
        else if (chompKeep && onChompKeep)
            onChompKeep();
        return str;
    }
    if (keyCommentDone)
        keyComment = null;
    if (explicitKey) {
        if (keyComment)
            str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
        str = `? ${str}\n${indent}:`;
    }
    else {
        str = `${str}:`;
        if (keyComment)
            str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
    }
    let vsb, vcb, valueComment;
    if (identity.isNode(value)) {
        vsb = !!value.spaceBefore;
        vcb = value.commentBefore;
        valueComment = value.comment;
    }
    else {
        vsb = false;
        vcb = null;
        valueComment = null;
        if (value && typeof value === 'object')
            value = doc.createNode(value);
    }
    ctx.implicitKey = false;
    if (!explicitKey && !keyComment && identity.isScalar(value))
        ctx.indentAtStart = str.length + 1;
    chompKeep = false;
    if (!indentSeq &&
        indentStep.length >= 2 &&
        !ctx.inFlow &&
        !explicitKey &&
        identity.isSeq(value) &&
        !value.flow &&
        !value.tag &&
        !value.anchor) {
        // If indentSeq === false, consider '- ' as part of indentation where possible
        ctx.indent = ctx.indent.substring(2);
    }
    let valueCommentDone = false;
    const valueStr = stringify.stringify(value, ctx, () => (valueCommentDone = true), () => (chompKeep = true));
    let ws = ' ';
    if (keyComment || vsb || vcb) {
        ws = vsb ? '\n' : '';
        if (vcb) {
            const cs = commentString(vcb);
            ws += `\n${stringifyComment.indentComment(cs, ctx.indent)}`;
        }
        if (valueStr === '' && !ctx.inFlow) {
            if (ws === '\n' && valueComment)
                ws = '\n\n';
        }
        else {
            ws += `\n${ctx.indent}`;
        }
    }
    else if (!explicitKey && identity.isCollection(value)) {
        const vs0 = valueStr[0];
        const nl0 = valueStr.indexOf('\n');
        const hasNewline = nl0 !== -1;
        const flow = ctx.inFlow ?? value.flow ?? value.items.length === 0;
        if (hasNewline || !flow) {
            let hasPropsLine = false;
            if (hasNewline && (vs0 === '&' || vs0 === '!')) {
                let sp0 = valueStr.indexOf(' ');
                if (vs0 === '&' &&
                    sp0 !== -1 &&
                    sp0 < nl0 &&
                    valueStr[sp0 + 1] === '!') {
                    sp0 = valueStr.indexOf(' ', sp0 + 1);
                }
                if (sp0 === -1 || nl0 < sp0)
                    hasPropsLine = true;
            }
            if (!hasPropsLine)
                ws = `\n${ctx.indent}`;
        }
    }
    else if (valueStr === '' || valueStr[0] === '\n') {
        ws = '';
    }
    str += ws + valueStr;
    if (ctx.inFlow) {
        if (valueCommentDone && onComment)
            onComment();
    }
    else if (valueComment && !valueCommentDone) {
        str += stringifyComment.lineComment(str, ctx.indent, commentString(valueComment));
    }
    else if (chompKeep && onChompKeep) {
        onChompKeep();
    }
    return str;
}

exports.stringifyPair = stringifyPair;


/***/ }),

/***/ 3069:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var foldFlowLines = __nccwpck_require__(4475);

const getFoldOptions = (ctx, isBlock) => ({
    indentAtStart: isBlock ? ctx.indent.length : ctx.indentAtStart,
    lineWidth: ctx.options.lineWidth,
    minContentWidth: ctx.options.minContentWidth
});
// Also checks for lines starting with %, as parsing the output as YAML 1.1 will
// presume that's starting a new document.
const containsDocumentMarker = (str) => /^(%|---|\.\.\.)/m.test(str);
function lineLengthOverLimit(str, lineWidth, indentLength) {
    if (!lineWidth || lineWidth < 0)
        return false;
    const limit = lineWidth - indentLength;
    const strLen = str.length;
    if (strLen <= limit)
        return false;
    for (let i = 0, start = 0; i < strLen; ++i) {
        if (str[i] === '\n') {
            if (i - start > limit)
                return true;
            start = i + 1;
            if (strLen - start <= limit)
                return false;
        }
    }
    return true;
}
function doubleQuotedString(value, ctx) {
    const json = JSON.stringify(value);
    if (ctx.options.doubleQuotedAsJSON)
        return json;
    const { implicitKey } = ctx;
    const minMultiLineLength = ctx.options.doubleQuotedMinMultiLineLength;
    const indent = ctx.indent || (containsDocumentMarker(value) ? '  ' : '');
    let str = '';
    let start = 0;
    for (let i = 0, ch = json[i]; ch; ch = json[++i]) {
        if (ch === ' ' && json[i + 1] === '\\' && json[i + 2] === 'n') {
            // space before newline needs to be escaped to not be folded
            str += json.slice(start, i) + '\\ ';
            i += 1;
            start = i;
            ch = '\\';
        }
        if (ch === '\\')
            switch (json[i + 1]) {
                case 'u':
                    {
                        str += json.slice(start, i);
                        const code = json.substr(i + 2, 4);
                        switch (code) {
                            case '0000':
                                str += '\\0';
                                break;
                            case '0007':
                                str += '\\a';
                                break;
                            case '000b':
                                str += '\\v';
                                break;
                            case '001b':
                                str += '\\e';
                                break;
                            case '0085':
                                str += '\\N';
                                break;
                            case '00a0':
                                str += '\\_';
                                break;
                            case '2028':
                                str += '\\L';
                                break;
                            case '2029':
                                str += '\\P';
                                break;
                            default:
                                if (code.substr(0, 2) === '00')
                                    str += '\\x' + code.substr(2);
                                else
                                    str += json.substr(i, 6);
                        }
                        i += 5;
                        start = i + 1;
                    }
                    break;
                case 'n':
                    if (implicitKey ||
                        json[i + 2] === '"' ||
                        json.length < minMultiLineLength) {
                        i += 1;
                    }
                    else {
                        // folding will eat first newline
                        str += json.slice(start, i) + '\n\n';
                        while (json[i + 2] === '\\' &&
                            json[i + 3] === 'n' &&
                            json[i + 4] !== '"') {
                            str += '\n';
                            i += 2;
                        }
                        str += indent;
                        // space after newline needs to be escaped to not be folded
                        if (json[i + 2] === ' ')
                            str += '\\';
                        i += 1;
                        start = i + 1;
                    }
                    break;
                default:
                    i += 1;
            }
    }
    str = start ? str + json.slice(start) : json;
    return implicitKey
        ? str
        : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_QUOTED, getFoldOptions(ctx, false));
}
function singleQuotedString(value, ctx) {
    if (ctx.options.singleQuote === false ||
        (ctx.implicitKey && value.includes('\n')) ||
        /[ \t]\n|\n[ \t]/.test(value) // single quoted string can't have leading or trailing whitespace around newline
    )
        return doubleQuotedString(value, ctx);
    const indent = ctx.indent || (containsDocumentMarker(value) ? '  ' : '');
    const res = "'" + value.replace(/'/g, "''").replace(/\n+/g, `$&\n${indent}`) + "'";
    return ctx.implicitKey
        ? res
        : foldFlowLines.foldFlowLines(res, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
}
function quotedString(value, ctx) {
    const { singleQuote } = ctx.options;
    let qs;
    if (singleQuote === false)
        qs = doubleQuotedString;
    else {
        const hasDouble = value.includes('"');
        const hasSingle = value.includes("'");
        if (hasDouble && !hasSingle)
            qs = singleQuotedString;
        else if (hasSingle && !hasDouble)
            qs = doubleQuotedString;
        else
            qs = singleQuote ? singleQuotedString : doubleQuotedString;
    }
    return qs(value, ctx);
}
// The negative lookbehind avoids a polynomial search,
// but isn't supported yet on Safari: https://caniuse.com/js-regexp-lookbehind
let blockEndNewlines;
try {
    blockEndNewlines = new RegExp('(^|(?<!\n))\n+(?!\n|$)', 'g');
}
catch {
    blockEndNewlines = /\n+(?!\n|$)/g;
}
function blockString({ comment, type, value }, ctx, onComment, onChompKeep) {
    const { blockQuote, commentString, lineWidth } = ctx.options;
    // 1. Block can't end in whitespace unless the last line is non-empty.
    // 2. Strings consisting of only whitespace are best rendered explicitly.
    if (!blockQuote || /\n[\t ]+$/.test(value)) {
        return quotedString(value, ctx);
    }
    const indent = ctx.indent ||
        (ctx.forceBlockIndent || containsDocumentMarker(value) ? '  ' : '');
    const literal = blockQuote === 'literal'
        ? true
        : blockQuote === 'folded' || type === Scalar.Scalar.BLOCK_FOLDED
            ? false
            : type === Scalar.Scalar.BLOCK_LITERAL
                ? true
                : !lineLengthOverLimit(value, lineWidth, indent.length);
    if (!value)
        return literal ? '|\n' : '>\n';
    // determine chomping from whitespace at value end
    let chomp;
    let endStart;
    for (endStart = value.length; endStart > 0; --endStart) {
        const ch = value[endStart - 1];
        if (ch !== '\n' && ch !== '\t' && ch !== ' ')
            break;
    }
    let end = value.substring(endStart);
    const endNlPos = end.indexOf('\n');
    if (endNlPos === -1) {
        chomp = '-'; // strip
    }
    else if (value === end || endNlPos !== end.length - 1) {
        chomp = '+'; // keep
        if (onChompKeep)
            onChompKeep();
    }
    else {
        chomp = ''; // clip
    }
    if (end) {
        value = value.slice(0, -end.length);
        if (end[end.length - 1] === '\n')
            end = end.slice(0, -1);
        end = end.replace(blockEndNewlines, `$&${indent}`);
    }
    // determine indent indicator from whitespace at value start
    let startWithSpace = false;
    let startEnd;
    let startNlPos = -1;
    for (startEnd = 0; startEnd < value.length; ++startEnd) {
        const ch = value[startEnd];
        if (ch === ' ')
            startWithSpace = true;
        else if (ch === '\n')
            startNlPos = startEnd;
        else
            break;
    }
    let start = value.substring(0, startNlPos < startEnd ? startNlPos + 1 : startEnd);
    if (start) {
        value = value.substring(start.length);
        start = start.replace(/\n+/g, `$&${indent}`);
    }
    const indentSize = indent ? '2' : '1'; // root is at -1
    // Leading | or > is added later
    let header = (startWithSpace ? indentSize : '') + chomp;
    if (comment) {
        header += ' ' + commentString(comment.replace(/ ?[\r\n]+/g, ' '));
        if (onComment)
            onComment();
    }
    if (!literal) {
        const foldedValue = value
            .replace(/\n+/g, '\n$&')
            .replace(/(?:^|\n)([\t ].*)(?:([\n\t ]*)\n(?![\n\t ]))?/g, '$1$2') // more-indented lines aren't folded
            //                ^ more-ind. ^ empty     ^ capture next empty lines only at end of indent
            .replace(/\n+/g, `$&${indent}`);
        let literalFallback = false;
        const foldOptions = getFoldOptions(ctx, true);
        if (blockQuote !== 'folded' && type !== Scalar.Scalar.BLOCK_FOLDED) {
            foldOptions.onOverflow = () => {
                literalFallback = true;
            };
        }
        const body = foldFlowLines.foldFlowLines(`${start}${foldedValue}${end}`, indent, foldFlowLines.FOLD_BLOCK, foldOptions);
        if (!literalFallback)
            return `>${header}\n${indent}${body}`;
    }
    value = value.replace(/\n+/g, `$&${indent}`);
    return `|${header}\n${indent}${start}${value}${end}`;
}
function plainString(item, ctx, onComment, onChompKeep) {
    const { type, value } = item;
    const { actualString, implicitKey, indent, indentStep, inFlow } = ctx;
    if ((implicitKey && value.includes('\n')) ||
        (inFlow && /[[\]{},]/.test(value))) {
        return quotedString(value, ctx);
    }
    if (/^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/.test(value)) {
        // not allowed:
        // - '-' or '?'
        // - start with an indicator character (except [?:-]) or /[?-] /
        // - '\n ', ': ' or ' \n' anywhere
        // - '#' not preceded by a non-space char
        // - end with ' ' or ':'
        return implicitKey || inFlow || !value.includes('\n')
            ? quotedString(value, ctx)
            : blockString(item, ctx, onComment, onChompKeep);
    }
    if (!implicitKey &&
        !inFlow &&
        type !== Scalar.Scalar.PLAIN &&
        value.includes('\n')) {
        // Where allowed & type not set explicitly, prefer block style for multiline strings
        return blockString(item, ctx, onComment, onChompKeep);
    }
    if (containsDocumentMarker(value)) {
        if (indent === '') {
            ctx.forceBlockIndent = true;
            return blockString(item, ctx, onComment, onChompKeep);
        }
        else if (implicitKey && indent === indentStep) {
            return quotedString(value, ctx);
        }
    }
    const str = value.replace(/\n+/g, `$&\n${indent}`);
    // Verify that output will be parsed as a string, as e.g. plain numbers and
    // booleans get parsed with those types in v1.2 (e.g. '42', 'true' & '0.9e-3'),
    // and others in v1.1.
    if (actualString) {
        const test = (tag) => tag.default && tag.tag !== 'tag:yaml.org,2002:str' && tag.test?.test(str);
        const { compat, tags } = ctx.doc.schema;
        if (tags.some(test) || compat?.some(test))
            return quotedString(value, ctx);
    }
    return implicitKey
        ? str
        : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
}
function stringifyString(item, ctx, onComment, onChompKeep) {
    const { implicitKey, inFlow } = ctx;
    const ss = typeof item.value === 'string'
        ? item
        : Object.assign({}, item, { value: String(item.value) });
    let { type } = item;
    if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
        // force double quotes on control characters & unpaired surrogates
        if (/[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u.test(ss.value))
            type = Scalar.Scalar.QUOTE_DOUBLE;
    }
    const _stringify = (_type) => {
        switch (_type) {
            case Scalar.Scalar.BLOCK_FOLDED:
            case Scalar.Scalar.BLOCK_LITERAL:
                return implicitKey || inFlow
                    ? quotedString(ss.value, ctx) // blocks are not valid inside flow containers
                    : blockString(ss, ctx, onComment, onChompKeep);
            case Scalar.Scalar.QUOTE_DOUBLE:
                return doubleQuotedString(ss.value, ctx);
            case Scalar.Scalar.QUOTE_SINGLE:
                return singleQuotedString(ss.value, ctx);
            case Scalar.Scalar.PLAIN:
                return plainString(ss, ctx, onComment, onChompKeep);
            default:
                return null;
        }
    };
    let res = _stringify(type);
    if (res === null) {
        const { defaultKeyType, defaultStringType } = ctx.options;
        const t = (implicitKey && defaultKeyType) || defaultStringType;
        res = _stringify(t);
        if (res === null)
            throw new Error(`Unsupported default string type ${t}`);
    }
    return res;
}

exports.stringifyString = stringifyString;


/***/ }),

/***/ 204:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);

const BREAK = Symbol('break visit');
const SKIP = Symbol('skip children');
const REMOVE = Symbol('remove node');
/**
 * Apply a visitor to an AST node or document.
 *
 * Walks through the tree (depth-first) starting from `node`, calling a
 * `visitor` function with three arguments:
 *   - `key`: For sequence values and map `Pair`, the node's index in the
 *     collection. Within a `Pair`, `'key'` or `'value'`, correspondingly.
 *     `null` for the root node.
 *   - `node`: The current node.
 *   - `path`: The ancestry of the current node.
 *
 * The return value of the visitor may be used to control the traversal:
 *   - `undefined` (default): Do nothing and continue
 *   - `visit.SKIP`: Do not visit the children of this node, continue with next
 *     sibling
 *   - `visit.BREAK`: Terminate traversal completely
 *   - `visit.REMOVE`: Remove the current node, then continue with the next one
 *   - `Node`: Replace the current node, then continue by visiting it
 *   - `number`: While iterating the items of a sequence or map, set the index
 *     of the next step. This is useful especially if the index of the current
 *     node has changed.
 *
 * If `visitor` is a single function, it will be called with all values
 * encountered in the tree, including e.g. `null` values. Alternatively,
 * separate visitor functions may be defined for each `Map`, `Pair`, `Seq`,
 * `Alias` and `Scalar` node. To define the same visitor function for more than
 * one node type, use the `Collection` (map and seq), `Value` (map, seq & scalar)
 * and `Node` (alias, map, seq & scalar) targets. Of all these, only the most
 * specific defined one will be used for each node.
 */
function visit(node, visitor) {
    const visitor_ = initVisitor(visitor);
    if (identity.isDocument(node)) {
        const cd = visit_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
            node.contents = null;
    }
    else
        visit_(null, node, visitor_, Object.freeze([]));
}
// Without the `as symbol` casts, TS declares these in the `visit`
// namespace using `var`, but then complains about that because
// `unique symbol` must be `const`.
/** Terminate visit traversal completely */
visit.BREAK = BREAK;
/** Do not visit the children of the current node */
visit.SKIP = SKIP;
/** Remove the current node */
visit.REMOVE = REMOVE;
function visit_(key, node, visitor, path) {
    const ctrl = callVisitor(key, node, visitor, path);
    if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path, ctrl);
        return visit_(key, ctrl, visitor, path);
    }
    if (typeof ctrl !== 'symbol') {
        if (identity.isCollection(node)) {
            path = Object.freeze(path.concat(node));
            for (let i = 0; i < node.items.length; ++i) {
                const ci = visit_(i, node.items[i], visitor, path);
                if (typeof ci === 'number')
                    i = ci - 1;
                else if (ci === BREAK)
                    return BREAK;
                else if (ci === REMOVE) {
                    node.items.splice(i, 1);
                    i -= 1;
                }
            }
        }
        else if (identity.isPair(node)) {
            path = Object.freeze(path.concat(node));
            const ck = visit_('key', node.key, visitor, path);
            if (ck === BREAK)
                return BREAK;
            else if (ck === REMOVE)
                node.key = null;
            const cv = visit_('value', node.value, visitor, path);
            if (cv === BREAK)
                return BREAK;
            else if (cv === REMOVE)
                node.value = null;
        }
    }
    return ctrl;
}
/**
 * Apply an async visitor to an AST node or document.
 *
 * Walks through the tree (depth-first) starting from `node`, calling a
 * `visitor` function with three arguments:
 *   - `key`: For sequence values and map `Pair`, the node's index in the
 *     collection. Within a `Pair`, `'key'` or `'value'`, correspondingly.
 *     `null` for the root node.
 *   - `node`: The current node.
 *   - `path`: The ancestry of the current node.
 *
 * The return value of the visitor may be used to control the traversal:
 *   - `Promise`: Must resolve to one of the following values
 *   - `undefined` (default): Do nothing and continue
 *   - `visit.SKIP`: Do not visit the children of this node, continue with next
 *     sibling
 *   - `visit.BREAK`: Terminate traversal completely
 *   - `visit.REMOVE`: Remove the current node, then continue with the next one
 *   - `Node`: Replace the current node, then continue by visiting it
 *   - `number`: While iterating the items of a sequence or map, set the index
 *     of the next step. This is useful especially if the index of the current
 *     node has changed.
 *
 * If `visitor` is a single function, it will be called with all values
 * encountered in the tree, including e.g. `null` values. Alternatively,
 * separate visitor functions may be defined for each `Map`, `Pair`, `Seq`,
 * `Alias` and `Scalar` node. To define the same visitor function for more than
 * one node type, use the `Collection` (map and seq), `Value` (map, seq & scalar)
 * and `Node` (alias, map, seq & scalar) targets. Of all these, only the most
 * specific defined one will be used for each node.
 */
async function visitAsync(node, visitor) {
    const visitor_ = initVisitor(visitor);
    if (identity.isDocument(node)) {
        const cd = await visitAsync_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
            node.contents = null;
    }
    else
        await visitAsync_(null, node, visitor_, Object.freeze([]));
}
// Without the `as symbol` casts, TS declares these in the `visit`
// namespace using `var`, but then complains about that because
// `unique symbol` must be `const`.
/** Terminate visit traversal completely */
visitAsync.BREAK = BREAK;
/** Do not visit the children of the current node */
visitAsync.SKIP = SKIP;
/** Remove the current node */
visitAsync.REMOVE = REMOVE;
async function visitAsync_(key, node, visitor, path) {
    const ctrl = await callVisitor(key, node, visitor, path);
    if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path, ctrl);
        return visitAsync_(key, ctrl, visitor, path);
    }
    if (typeof ctrl !== 'symbol') {
        if (identity.isCollection(node)) {
            path = Object.freeze(path.concat(node));
            for (let i = 0; i < node.items.length; ++i) {
                const ci = await visitAsync_(i, node.items[i], visitor, path);
                if (typeof ci === 'number')
                    i = ci - 1;
                else if (ci === BREAK)
                    return BREAK;
                else if (ci === REMOVE) {
                    node.items.splice(i, 1);
                    i -= 1;
                }
            }
        }
        else if (identity.isPair(node)) {
            path = Object.freeze(path.concat(node));
            const ck = await visitAsync_('key', node.key, visitor, path);
            if (ck === BREAK)
                return BREAK;
            else if (ck === REMOVE)
                node.key = null;
            const cv = await visitAsync_('value', node.value, visitor, path);
            if (cv === BREAK)
                return BREAK;
            else if (cv === REMOVE)
                node.value = null;
        }
    }
    return ctrl;
}
function initVisitor(visitor) {
    if (typeof visitor === 'object' &&
        (visitor.Collection || visitor.Node || visitor.Value)) {
        return Object.assign({
            Alias: visitor.Node,
            Map: visitor.Node,
            Scalar: visitor.Node,
            Seq: visitor.Node
        }, visitor.Value && {
            Map: visitor.Value,
            Scalar: visitor.Value,
            Seq: visitor.Value
        }, visitor.Collection && {
            Map: visitor.Collection,
            Seq: visitor.Collection
        }, visitor);
    }
    return visitor;
}
function callVisitor(key, node, visitor, path) {
    if (typeof visitor === 'function')
        return visitor(key, node, path);
    if (identity.isMap(node))
        return visitor.Map?.(key, node, path);
    if (identity.isSeq(node))
        return visitor.Seq?.(key, node, path);
    if (identity.isPair(node))
        return visitor.Pair?.(key, node, path);
    if (identity.isScalar(node))
        return visitor.Scalar?.(key, node, path);
    if (identity.isAlias(node))
        return visitor.Alias?.(key, node, path);
    return undefined;
}
function replaceNode(key, path, node) {
    const parent = path[path.length - 1];
    if (identity.isCollection(parent)) {
        parent.items[key] = node;
    }
    else if (identity.isPair(parent)) {
        if (key === 'key')
            parent.key = node;
        else
            parent.value = node;
    }
    else if (identity.isDocument(parent)) {
        parent.contents = node;
    }
    else {
        const pt = identity.isAlias(parent) ? 'alias' : 'scalar';
        throw new Error(`Cannot replace node with ${pt} parent`);
    }
}

exports.visit = visit;
exports.visitAsync = visitAsync;


/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId].call(module.exports, module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/************************************************************************/
var __webpack_exports__ = {};

;// CONCATENATED MODULE: external "node:fs/promises"
const promises_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");
;// CONCATENATED MODULE: external "node:path"
const external_node_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");
var external_node_path_default = /*#__PURE__*/__nccwpck_require__.n(external_node_path_namespaceObject);
;// CONCATENATED MODULE: external "node:util"
const external_node_util_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");
;// CONCATENATED MODULE: ./src/report/escape.ts
/**
 * Escaping for text that may come from a scanned file (values quoted in
 * messages, paths). Every report format passes such text through here, so a
 * repository cannot inject terminal escapes, fake log lines or workflow
 * commands (DESIGN.md "Security").
 */
/**
 * Characters that change how a line is displayed or split: C0 controls
 * (CR, LF, ESC, ...), DEL, C1 controls (NEL among them), the Unicode line and
 * paragraph separators, and bidirectional overrides and isolates ("Trojan
 * source"). One character class, so the scan is linear.
 */
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const NAMED = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };
/** Replaces control characters with a visible escape (`\n`, `\x1b`, `\u202e`): the text stays on one line. */
function visible(text) {
    return text.replace(INVISIBLE, (c) => {
        const named = NAMED[c];
        if (named)
            return named;
        const code = c.charCodeAt(0);
        return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
    });
}
/**
 * A path made safe to print at the start of a line. The Actions runner trims
 * leading whitespace and then executes a line that begins with `::`, so a
 * path that does not begin with a plain name character gets a `./` prefix
 * (the same relative path, and a harmless line start).
 */
function lineStartPath(path) {
    const shown = visible(path);
    return /^[A-Za-z0-9_.]/.test(shown) ? shown : `./${shown}`;
}
/**
 * Workflow-command message data, escaped exactly as @actions/core's
 * `escapeData` (lib/command.js): `%` first, then CR and LF.
 */
function commandData(text) {
    return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
/**
 * Workflow-command property value, escaped exactly as @actions/core's
 * `escapeProperty`: as data, plus `:` and `,` which delimit properties.
 */
function commandProperty(text) {
    return commandData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
/** Longest cell, in characters, before it is cut: one huge scanned value must not eat the summary's budget. */
const MAX_CELL_CHARS = 1000;
/**
 * Text for a GitHub-flavoured Markdown table cell. HTML-significant
 * characters become entities (no tag can open), `|` cannot end the cell,
 * backticks and other Markdown punctuation cannot start code, emphasis or
 * links, and control characters (newlines among them) become visible escapes
 * so the row stays one line.
 */
function markdownCell(text, maxChars = MAX_CELL_CHARS) {
    const cut = text.length > maxChars ? `${text.slice(0, maxChars)}…` : text;
    return visible(cut)
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/[\\`*_[\]|~#!]/g, (c) => `\\${c}`);
}
/** A relative POSIX path as a URI reference: each segment percent-encoded, `/` kept. */
function pathToUri(path) {
    return path
        .replace(/^(\.\/)+/, '')
        .split('/')
        .map((segment) => encodeURIComponent(segment).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`))
        .join('/');
}

;// CONCATENATED MODULE: ./src/model/finding.ts
const LEVELS = (/* unused pure expression or super */ null && (['error', 'warning', 'note']));
/** Higher is more severe. */
function levelRank(level) {
    return level === 'error' ? 3 : level === 'warning' ? 2 : 1;
}

;// CONCATENATED MODULE: ./src/version.ts
/** Kept in step with package.json by scripts/post-build.mjs's check and a test. */
const VERSION = '0.1.0';

;// CONCATENATED MODULE: ./src/report/json.ts


/** Findings that count: not suppressed (inline or baseline). */
function activeFindings(findings) {
    return findings.filter((f) => f.suppressed === null);
}
function fails(findings, failOn) {
    if (failOn === 'never')
        return false;
    const threshold = levelRank(failOn);
    return activeFindings(findings).some((f) => levelRank(f.level) >= threshold);
}
function buildReport(result, failOn) {
    const active = activeFindings(result.findings);
    const byLevel = { error: 0, warning: 0, note: 0 };
    for (const f of active)
        byLevel[f.level]++;
    return {
        schemaVersion: 1,
        tool: { name: 'relaygate', version: VERSION },
        summary: {
            result: fails(result.findings, failOn) ? 'fail' : 'pass',
            findings: active.length,
            byLevel,
            filesScanned: result.filesScanned,
            configurations: result.configurations.length,
            durationMs: result.durationMs,
        },
        findings: result.findings,
        configurations: result.configurations,
    };
}
function renderJson(report) {
    return `${JSON.stringify(report, null, 2)}\n`;
}

;// CONCATENATED MODULE: ./src/report/text.ts


/**
 * Terminal output, one block per finding in the compiler style
 * `path:line:col: level [rule-id] message` that editors and actionlint users
 * know. Only a path (made line-start safe) or our own words ever begin a
 * line; everything derived from a scanned file goes through `visible()`, so
 * the log of a CI job cannot be steered by the repository it scans.
 */
function renderText(report) {
    const lines = [];
    const active = activeFindings(report.findings);
    const suppressed = report.findings.filter((f) => f.suppressed !== null);
    for (const f of active) {
        lines.push(header(f));
        lines.push(`    fix: ${visible(f.fix)}`);
        if (f.ids.length > 0)
            lines.push(`    ids: ${f.ids.map(visible).join(', ')}`);
        if (f.certainty === 'indeterminate')
            lines.push('    certainty: indeterminate (depends on a value relaygate could not resolve)');
        for (const r of f.related)
            lines.push(`    related: ${position(r.file, r.line, r.column)}: ${visible(r.message)}`);
    }
    if (suppressed.length > 0) {
        if (lines.length > 0)
            lines.push('');
        lines.push(`suppressed (${suppressed.length}):`);
        for (const f of suppressed) {
            lines.push(`  ${header(f)}`);
            const s = f.suppressed;
            const where = s.file !== undefined && s.line !== undefined ? ` at ${position(s.file, s.line)}` : '';
            lines.push(`      reason (${s.kind}${where}): ${visible(s.reason)}`);
        }
    }
    if (lines.length > 0)
        lines.push('');
    lines.push(summaryLine(report, suppressed.length));
    return `${lines.join('\n')}\n`;
}
function header(f) {
    return `${position(f.file, f.line, f.column)}: ${f.level} [${visible(f.ruleId)}] ${visible(f.message)}`;
}
function position(file, line, column) {
    return column === undefined ? `${lineStartPath(file)}:${line}` : `${lineStartPath(file)}:${line}:${column}`;
}
function plural(n, word) {
    return `${n} ${word}${n === 1 ? '' : 's'}`;
}
function levelCounts(byLevel) {
    return `${plural(byLevel.error, 'error')}, ${plural(byLevel.warning, 'warning')}, ${plural(byLevel.note, 'note')}`;
}
function summaryLine(report, suppressed) {
    const s = report.summary;
    return (`relaygate ${visible(report.tool.version)}: ${s.result}: ${plural(s.findings, 'finding')} (${levelCounts(s.byLevel)}), ` +
        `${suppressed} suppressed; ${plural(s.filesScanned, 'file')} scanned, ${plural(s.configurations, 'configuration')} in ${s.durationMs} ms.`);
}

;// CONCATENATED MODULE: ./src/report/github-commands.ts



const DEFAULT_PER_LEVEL_LIMIT = 10;
/** SARIF/report level -> workflow command (a `note` is a `notice`). */
const COMMAND = { error: 'error', warning: 'warning', note: 'notice' };
/**
 * Workflow-command annotations for active findings, at most `perLevelLimit`
 * per level, then one `::notice::` with the total when any were left out.
 * That notice takes one of the notice slots itself, so notes are held to one
 * fewer when it will be printed, or the runner would drop it.
 *
 * Every property and message is escaped as @actions/core escapes them;
 * text from scanned files also has its control characters made visible, so
 * nothing a repository contains can begin a line of the log.
 */
function renderWorkflowCommands(report, options = {}) {
    const limit = Math.max(1, options.perLevelLimit ?? DEFAULT_PER_LEVEL_LIMIT);
    const active = activeFindings(report.findings);
    const count = { error: 0, warning: 0, note: 0 };
    for (const f of active)
        count[f.level]++;
    const needsNotice = count.error > limit || count.warning > limit || count.note > limit;
    const cap = { error: limit, warning: limit, note: needsNotice ? limit - 1 : limit };
    const lines = [];
    const used = { error: 0, warning: 0, note: 0 };
    for (const f of active) {
        if (used[f.level] >= cap[f.level])
            continue;
        used[f.level]++;
        lines.push(annotation(f));
    }
    if (needsNotice) {
        const annotated = lines.length;
        const hint = options.reportHint ?? 'the job summary and the JSON or SARIF report';
        const byLevel = levelCounts(count);
        lines.push(`::notice::${commandData(`relaygate found ${plural(active.length, 'finding')} (${byLevel}); ${annotated} annotated, ${active.length - annotated} not annotated ` +
            `because GitHub shows at most ${limit} annotations per level in a step. See all of them in ${visible(hint)}.`)}`);
    }
    return lines;
}
function positive(n) {
    return Number.isInteger(n) && n >= 1;
}
function annotation(f) {
    const props = [['file', f.file]];
    if (positive(f.line)) {
        props.push(['line', String(f.line)]);
        const singleLine = !positive(f.endLine) || f.endLine === f.line;
        // GitHub accepts columns only when the annotation covers one line.
        if (singleLine && positive(f.column)) {
            props.push(['col', String(f.column)]);
        }
        if (positive(f.endLine) && f.endLine >= f.line)
            props.push(['endLine', String(f.endLine)]);
        if (singleLine && positive(f.column) && positive(f.endColumn) && f.endColumn > f.column) {
            props.push(['endColumn', String(f.endColumn)]);
        }
    }
    const title = f.certainty === 'indeterminate' ? `relaygate ${f.ruleId} (indeterminate)` : `relaygate ${f.ruleId}`;
    props.push(['title', title]);
    const body = [visible(f.message)];
    if (f.fix.length > 0)
        body.push(`Fix: ${visible(f.fix)}`);
    if (f.ids.length > 0)
        body.push(`IDs: ${f.ids.map(visible).join(', ')}`);
    const properties = props
        .filter(([, value]) => value.length > 0)
        .map(([key, value]) => `${key}=${commandProperty(key === 'file' || key === 'title' ? visible(value) : value)}`)
        .join(',');
    return `::${COMMAND[f.level]} ${properties}::${commandData(body.join('\n'))}`;
}

;// CONCATENATED MODULE: ./src/report/markdown.ts



/** GitHub refuses a step summary over 1 MiB (github-platform.md, "Job summary"); stay under it. */
const MARKDOWN_MAX_BYTES = 1_000_000;
const bytes = (text) => Buffer.byteLength(text, 'utf8');
/**
 * The job summary: verdict, counts, every active finding, the suppressed ones
 * folded away, and each configuration found. When it would pass `maxBytes`,
 * rows are cut (active findings keep their room first) and a line says how
 * many were left out and where the full list is.
 */
function renderMarkdown(report, options = {}) {
    const maxBytes = options.maxBytes ?? MARKDOWN_MAX_BYTES;
    const title = markdownCell(options.title ?? 'relaygate');
    const active = activeFindings(report.findings);
    const suppressed = report.findings.filter((f) => f.suppressed !== null);
    const s = report.summary;
    const head = [
        `## ${s.result === 'fail' ? '❌' : '✅'} ${title}: ${s.result}`,
        '',
        `**${plural(s.findings, 'finding')}**: ${levelCounts(s.byLevel)}; ${suppressed.length} suppressed. ` +
            `${plural(s.filesScanned, 'file')} scanned, ${plural(s.configurations, 'configuration')}, relaygate ${markdownCell(report.tool.version)}.`,
        '',
    ];
    const seeAll = 'see the JSON or SARIF report for all of them.';
    const sections = [];
    if (active.length === 0) {
        head.push('No findings.', '');
    }
    else {
        sections.push({
            before: ['| level | rule | location | message | certainty |', '|---|---|---|---|---|'],
            rows: active.map((f) => `| ${f.level} | ${rule(f.ruleId)} | ${markdown_location(f, options.blobUrl)} | ${message(f)} | ${markdownCell(f.certainty)} |`),
            after: [''],
            omitted: (n) => `**${plural(n, 'more finding')} not shown (the summary is limited to ${maxBytes} bytes); ${seeAll}**`,
        });
    }
    if (suppressed.length > 0) {
        sections.push({
            before: [
                `<details><summary>${plural(suppressed.length, 'suppressed finding')}</summary>`,
                '',
                '| level | rule | location | message | suppressed by |',
                '|---|---|---|---|---|',
            ],
            rows: suppressed.map((f) => `| ${f.level} | ${rule(f.ruleId)} | ${markdown_location(f, options.blobUrl)} | ${message(f)} | ${suppressedBy(f)} |`),
            after: ['', '</details>', ''],
            omitted: (n) => `**${plural(n, 'more suppressed finding')} not shown; ${seeAll}**`,
        });
    }
    const configHeading = ['### Configurations found', ''];
    if (report.configurations.length === 0) {
        sections.push({ before: [...configHeading, 'No mail server configuration was found.'], rows: [], after: [], omitted: () => '' });
    }
    else {
        sections.push({
            before: [...configHeading, '| mta | form | files |', '|---|---|---|'],
            rows: report.configurations.map(configurationRow),
            after: [],
            omitted: (n) => `**${plural(n, 'more configuration')} not shown; ${seeAll}**`,
        });
    }
    return fit(head, sections, maxBytes);
}
/**
 * Lays out the sections within `maxBytes`: the fixed lines and a worst-case
 * "left out" line per section are reserved first, then rows are taken in
 * order (active findings, suppressed, configurations) while they fit.
 */
function fit(head, sections, maxBytes) {
    const fixed = [...head, ...sections.flatMap((s) => [...s.before, '', s.omitted(s.rows.length), ...s.after])];
    let budget = maxBytes - bytes(`${fixed.join('\n')}\n`);
    if (budget < 0)
        return shrinkHead(head, maxBytes);
    const kept = sections.map((s) => {
        let n = 0;
        for (const row of s.rows) {
            const size = bytes(row) + 1;
            if (size > budget)
                break;
            budget -= size;
            n++;
        }
        return n;
    });
    const lines = [...head];
    sections.forEach((s, i) => {
        const n = kept[i];
        lines.push(...s.before, ...s.rows.slice(0, n));
        if (n < s.rows.length)
            lines.push('', s.omitted(s.rows.length - n));
        lines.push(...s.after);
    });
    return `${lines.join('\n')}\n`;
}
/** Not even the headings fit: keep what does, whole lines only. */
function shrinkHead(head, maxBytes) {
    let out = '';
    for (const line of head) {
        if (bytes(`${out}${line}\n`) > maxBytes)
            break;
        out += `${line}\n`;
    }
    return out;
}
function rule(id) {
    // Rule ids are ours ([a-z0-9-]); anything else is shown escaped, not as code.
    return /^[a-z0-9-]+$/.test(id) ? `\`${id}\`` : markdownCell(id);
}
function markdown_location(f, blobUrl) {
    const text = markdownCell(`${f.file}:${f.line}`);
    if (blobUrl === undefined || blobUrl.length === 0)
        return text;
    return `[${text}](${blobUrl.replace(/\/+$/, '')}/${pathToUri(f.file)}#L${f.line})`;
}
function message(f) {
    const parts = [markdownCell(f.message)];
    if (f.fix.length > 0)
        parts.push(`**Fix:** ${markdownCell(f.fix)}`);
    if (f.ids.length > 0)
        parts.push(`<sub>${markdownCell(f.ids.join(', '))}</sub>`);
    return parts.join('<br>');
}
function suppressedBy(f) {
    const s = f.suppressed;
    return `${s.kind}: ${markdownCell(s.reason)}`;
}
function configurationRow(c) {
    return `| ${markdownCell(c.mta)} | ${markdownCell(c.form)} | ${c.files.map((file) => markdownCell(file)).join('<br>')} |`;
}

;// CONCATENATED MODULE: external "node:crypto"
const external_node_crypto_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");
;// CONCATENATED MODULE: ./src/rules/config-unreadable.ts
const meta = {
    id: 'config-unreadable',
    title: 'Mail configuration could not be read or parsed',
    description: 'A file that is mail-server configuration could not be read, decoded or parsed, so relaying could not be judged.',
    help: 'relaygate fails closed: a configuration it cannot read is not a pass. The mail server itself would refuse the same ' +
        'file (Postfix exits on a line without "=", m4 stops on an unbalanced quote), or the file is binary or undecodable. ' +
        'Fix the line named in the message, or exclude the file if it is not mail configuration.',
    defaultLevel: 'error',
    securitySeverity: 5.0,
    stig: false,
};
/** A finding for a file that could not be read or parsed at all. */
function unreadable(mta, file, line, column, reason) {
    return {
        ruleId: meta.id,
        level: meta.defaultLevel,
        certainty: 'definite',
        mta,
        message: `${file} cannot be judged: ${reason}.`,
        fix: 'Correct the file so the mail server accepts it, or exclude it from the scan if it is not mail configuration.',
        ids: [],
        span: { file, line, column, endLine: line, endColumn: column + 1 },
        related: [],
    };
}
const config_unreadable_rule = {
    meta,
    check(config) {
        return config.diagnostics
            .filter((d) => d.fatal)
            .map((d) => unreadable(config.mta, d.file, d.line, d.column, `line ${d.line}, column ${d.column}: ${d.message}`));
    },
};

;// CONCATENATED MODULE: ./src/rules/invalid-suppression.ts
/**
 * Reported by the policy stage, not by a check over a configuration: a
 * `relaygate-ignore` comment without a reason suppresses nothing (DESIGN.md
 * "Inline suppression"), and the reader is told so at the comment's line.
 */
const invalid_suppression_meta = {
    id: 'invalid-suppression',
    title: 'Suppression without a reason',
    description: 'A relaygate-ignore comment has no reason after a colon, so it does not suppress anything.',
    help: 'Every suppression must say why the finding is acceptable, so that an auditor (or the ISSO, for RHEL 9/10 ' +
        'exceptions) can read the justification beside the configuration: write ' +
        '"relaygate-ignore <rule-id>: <reason>" in a comment on the offending line or the line above.',
    defaultLevel: 'warning',
    securitySeverity: 2.0,
    stig: false,
};
const invalid_suppression_rule = {
    meta: invalid_suppression_meta,
    check() {
        return [];
    },
};

;// CONCATENATED MODULE: ./src/model/source.ts
class LineIndex {
    text;
    starts;
    constructor(text) {
        this.text = text;
        const starts = [0];
        for (let i = 0; i < text.length; i++) {
            if (text.charCodeAt(i) === 10)
                starts.push(i + 1);
        }
        this.starts = starts;
    }
    get lineCount() {
        return this.starts.length;
    }
    /** 1-based position of a 0-based offset. */
    position(offset) {
        let lo = 0;
        let hi = this.starts.length - 1;
        while (lo < hi) {
            const mid = (lo + hi + 1) >> 1;
            if ((this.starts[mid] ?? 0) <= offset)
                lo = mid;
            else
                hi = mid - 1;
        }
        return { line: lo + 1, column: offset - (this.starts[lo] ?? 0) + 1 };
    }
    /** Text of a 1-based line without its line terminator (CR kept out too). */
    lineText(line) {
        const start = this.starts[line - 1];
        if (start === undefined)
            return '';
        const next = this.starts[line];
        let end = next === undefined ? this.text.length : next - 1;
        if (end > start && this.text.charCodeAt(end - 1) === 13)
            end--;
        return this.text.slice(start, end);
    }
}
/**
 * Marks text produced by a template expression that could not be resolved.
 * A private-use character: parsers treat it as ordinary text, rules test for
 * it to decide that a value is unknown (certainty "indeterminate").
 */
const UNKNOWN_MARK = '\uE000';
function isUnknown(value) {
    return value.includes(UNKNOWN_MARK);
}

;// CONCATENATED MODULE: ./src/mta/postfix/defaults.ts

/**
 * Postfix built-in defaults of the parameters relaygate reads (postconf -d,
 * Postfix 3.7; reference/mta-semantics.md). A parameter not in this table has
 * no default known to relaygate and expands to empty, as an undefined name does.
 */
const FIXED_DEFAULTS = {
    compatibility_level: '0',
    inet_interfaces: 'all',
    inet_protocols: 'all',
    smtpd_client_restrictions: '',
    smtpd_helo_restrictions: '',
    smtpd_sender_restrictions: '',
    smtpd_recipient_restrictions: '',
    smtpd_data_restrictions: '',
    smtpd_end_of_data_restrictions: '',
    smtpd_etrn_restrictions: '',
    smtpd_restriction_classes: '',
    smtpd_delay_reject: 'yes',
    smtpd_service_name: 'smtpd',
    mydestination: '$myhostname, localhost.$mydomain, localhost',
};
/**
 * Defaults that depend on compatibility_level. Postfix writes them as
 * `${{$compatibility_level} <level {N} ? {old} : {new}}`; relaygate evaluates
 * the comparison itself so the expander does not need the `<level` operator.
 */
const LEVEL_DEFAULTS = {
    smtpd_relay_restrictions: {
        level: 1,
        below: '',
        atOrAbove: 'permit_mynetworks, permit_sasl_authenticated, defer_unauth_destination',
    },
    mynetworks_style: { level: 2, below: 'subnet', atOrAbove: 'host' },
    relay_domains: { level: 2, below: '$mydestination', atOrAbove: '' },
};
/**
 * The major number of a compatibility_level value (`3.6` -> 3, `2` -> 2), or
 * null when it is not a level Postfix accepts (Postfix then refuses to start)
 * or is unknown.
 */
function compatibilityMajor(level) {
    const match = /^\s*(\d+)(?:\.\d+){0,2}\s*$/.exec(level);
    return match ? Number(match[1]) : null;
}
/** Does relaygate know a built-in default for this parameter? */
function hasBuiltinDefault(name) {
    return name in FIXED_DEFAULTS || name in LEVEL_DEFAULTS;
}
/**
 * The built-in default of `name`, unexpanded, given the effective
 * compatibility_level; undefined when relaygate does not know one. When the
 * level itself is unknown, a level-dependent default is unknown too.
 */
function builtinDefault(name, compatibilityLevel) {
    const fixed = FIXED_DEFAULTS[name];
    if (fixed !== undefined)
        return fixed;
    const byLevel = LEVEL_DEFAULTS[name];
    if (byLevel === undefined)
        return undefined;
    if (isUnknown(compatibilityLevel))
        return UNKNOWN_MARK;
    const major = compatibilityMajor(compatibilityLevel);
    if (major === null)
        return UNKNOWN_MARK;
    return major < byLevel.level ? byLevel.below : byLevel.atOrAbove;
}

;// CONCATENATED MODULE: ./src/mta/postfix/expand.ts
/**
 * postconf(5) macro expansion, as Postfix's mac_parse() + mac_expand() do it
 * (measured against postconf 3.7):
 *
 * - `$$` is a literal `$`; `$name` takes [A-Za-z0-9_]+; `${...}` and `$(...)`
 *   take everything up to the balancing bracket of the same kind.
 * - Inside the brackets: `name`, `name?value`, `name:value`,
 *   `name?{value}:{other}`, and `{a} OP {b}?...` with OP one of
 *   `==`, `!=`, `<`, `<=`, `>=`, `>` (numeric when both sides are integers).
 *   Whitespace around the name and the operators is allowed.
 * - `?` selects its operand when the name is defined AND non-empty; `:`
 *   selects when undefined or empty. An undefined name expands to nothing
 *   (postconf only warns "undefined parameter").
 * - Looked-up values are expanded again (MAC_EXP_FLAG_RECURSE); more than 100
 *   nested calls is "unreasonable macro call nesting".
 * - Syntax errors (lone `$`, `${}`, truncated `${name`, a bad name, garbage
 *   after an operand) make Postfix stop with "macro processing error": they
 *   are the diagnostics here.
 */
/** Postfix's limit on nested macro calls (mac_expand.c). */
const MAX_MACRO_NESTING = 100;
const WHITESPACE = ' \t\r\n';
class MacroError extends Error {
    offset;
    constructor(message, offset) {
        super(message);
        this.offset = offset;
    }
}
function isNameChar(c) {
    return /^[A-Za-z0-9_]$/.test(c);
}
function skipSpace(s, i) {
    while (i < s.length && WHITESPACE.includes(s.charAt(i)))
        i++;
    return i;
}
function at(origin, i) {
    return origin.fixed ? origin.base : origin.base + i;
}
function sub(origin, i) {
    return origin.fixed ? origin : { base: origin.base + i, fixed: false };
}
function note(list, name) {
    if (!list.includes(name))
        list.push(name);
}
/** mac_parse(): literal text, `$$`, and the macro references in `s`. */
function parse(s, origin, ctx) {
    let i = 0;
    const n = s.length;
    let literal = '';
    while (i < n) {
        const c = s.charAt(i);
        if (c !== '$') {
            literal += c;
            i++;
            continue;
        }
        if (s.charAt(i + 1) === '$') {
            literal += '$';
            i += 2;
            continue;
        }
        if (literal !== '') {
            if (!ctx.scan)
                ctx.out.push(literal);
            literal = '';
        }
        const dollar = i;
        i++;
        let name;
        let nameStart;
        const open = s.charAt(i);
        if (open === '{' || open === '(') {
            const close = open === '{' ? '}' : ')';
            let level = 1;
            let j = i + 1;
            for (; level > 0; j++) {
                if (j >= n)
                    throw new MacroError(`truncated macro reference: "${s}"`, at(origin, dollar));
                const d = s.charAt(j);
                if (d === open)
                    level++;
                if (d === close)
                    level--;
            }
            nameStart = i + 1;
            name = s.slice(i + 1, j - 1);
            i = j;
        }
        else {
            let j = i;
            while (j < n && isNameChar(s.charAt(j)))
                j++;
            nameStart = i;
            name = s.slice(i, j);
            i = j;
        }
        if (name === '')
            throw new MacroError(`empty macro name: "${s}"`, at(origin, dollar));
        expandExpression(name, sub(origin, nameStart), at(origin, dollar), ctx);
    }
    if (literal !== '' && !ctx.scan)
        ctx.out.push(literal);
}
/** mac_exp_extract_curly_payload(): `{...}` at `i` (balanced), then skip whitespace. */
function curlyPayload(s, i, origin) {
    let level = 1;
    for (let j = i + 1; j < s.length; j++) {
        const c = s.charAt(j);
        if (c === '{')
            level++;
        else if (c === '}' && --level <= 0) {
            return { payload: s.slice(i + 1, j), start: i + 1, next: skipSpace(s, j + 1) };
        }
    }
    throw new MacroError(`unbalanced {} in attribute expression: "${s.slice(i)}"`, at(origin, i));
}
const OPERATOR_CHARS = '<>!=?+-*/~&|%';
const OPERATORS = ['==', '!=', '<', '<=', '>=', '>', '<level', '<=level', '>=level', '>level'];
/** A compatibility level (`0`, `3.6`, `3.6.1`) as numbers, or null. */
function levelParts(text) {
    if (!/^[0-9]+(\.[0-9]+){0,2}$/.test(text))
        return null;
    return text.split('.').map(Number);
}
function compareLevels(left, right) {
    const a = levelParts(left) ?? [0];
    const b = levelParts(right) ?? [0];
    for (let i = 0; i < 3; i++) {
        const d = (a[i] ?? 0) - (b[i] ?? 0);
        if (d !== 0)
            return d < 0 ? -1 : 1;
    }
    return 0;
}
function compare(op, left, right) {
    let order;
    if (op.endsWith('level')) {
        order = compareLevels(left, right);
        op = op.slice(0, -5);
    }
    else if (/^[0-9]+$/.test(left) && /^[0-9]+$/.test(right)) {
        const a = BigInt(left);
        const b = BigInt(right);
        order = a < b ? -1 : a > b ? 1 : 0;
    }
    else {
        order = left < right ? -1 : left > right ? 1 : 0;
    }
    switch (op) {
        case '==':
            return order === 0;
        case '!=':
            return order !== 0;
        case '<':
            return order < 0;
        case '<=':
            return order <= 0;
        case '>=':
            return order >= 0;
        default:
            return order > 0;
    }
}
/** A nested, independent expansion (the operands of a relational expression). */
function expandNested(text, origin, ctx) {
    const saved = ctx.out;
    ctx.out = [];
    parse(text, origin, ctx);
    const result = ctx.out.join('');
    ctx.out = saved;
    return result;
}
/** mac_expand_callback() for the text inside `${...}` / `$(...)`, or a plain `$name`. */
function expandExpression(expr, origin, refOffset, ctx) {
    if (ctx.level++ > ctx.maxDepth) {
        throw new MacroError(`unreasonable macro call nesting: "${expr}"`, refOffset);
    }
    let cp = skipSpace(expr, 0);
    let lookup;
    let op;
    if (expr.charAt(cp) === '{') {
        // Relational expression: {left} OP {right} [? ...] [: ...]
        const left = curlyPayload(expr, cp, origin);
        cp = left.next;
        let opEnd = cp;
        while (opEnd < expr.length && OPERATOR_CHARS.includes(expr.charAt(opEnd)))
            opEnd++;
        // Postfix 3.6+ compares compatibility levels with <level, <=level, >=level, >level.
        if (['<', '<=', '>=', '>'].includes(expr.slice(cp, opEnd)) && expr.startsWith('level', opEnd))
            opEnd += 5;
        const operator = expr.slice(cp, opEnd);
        if (!OPERATORS.includes(operator)) {
            throw new MacroError(`"==" or "!="" or "<"" or "<="" or ">="" or ">" expected at: "...${left.payload}}>>>${expr.slice(cp, cp + 20)}"`, at(origin, cp));
        }
        cp = skipSpace(expr, opEnd);
        if (expr.charAt(cp) !== '{') {
            throw new MacroError(`"{expression}" expected at: "...{${left.payload}} ${operator}>>>${expr.slice(cp, cp + 20)}"`, at(origin, cp));
        }
        const right = curlyPayload(expr, cp, origin);
        cp = right.next;
        const leftValue = expandNested(left.payload, sub(origin, left.start), ctx);
        const rightValue = expandNested(right.payload, sub(origin, right.start), ctx);
        lookup = compare(operator, leftValue, rightValue) ? 'true' : '';
        op = expr.charAt(cp);
        if (op !== '') {
            if (op !== '?' && op !== ':') {
                throw new MacroError(`"?" or ":" expected at: "...}>>>${expr.slice(cp, cp + 20)}"`, at(origin, cp));
            }
            cp++;
        }
    }
    else {
        const start = cp;
        let nameEnd;
        for (;;) {
            const afterSpace = skipSpace(expr, cp);
            const c = expr.charAt(afterSpace);
            if (c === '') {
                nameEnd = cp;
                op = '';
                cp = afterSpace;
                break;
            }
            if (c === '?' || c === ':') {
                nameEnd = cp;
                op = c;
                cp = afterSpace + 1;
                break;
            }
            if (!isNameChar(expr.charAt(cp))) {
                throw new MacroError(`attribute name syntax error at: "...${expr.slice(0, cp)}>>>${expr.slice(cp, cp + 20)}"`, at(origin, cp));
            }
            cp++;
        }
        const name = expr.slice(start, nameEnd);
        note(ctx.references, name);
        lookup = ctx.lookup(name);
        if (lookup === undefined)
            note(ctx.undefinedNames, name);
    }
    const selected = lookup !== undefined && lookup !== '';
    switch (op) {
        case '?': {
            let iftrue;
            let iftrueStart;
            const brace = skipSpace(expr, cp);
            if (expr.charAt(brace) === '{') {
                const p = curlyPayload(expr, brace, origin);
                iftrue = p.payload;
                iftrueStart = p.start;
                cp = p.next;
            }
            else {
                iftrue = expr.slice(cp);
                iftrueStart = cp;
                cp = expr.length;
            }
            if (selected || ctx.scan)
                parse(iftrue, sub(origin, iftrueStart), ctx);
            if (cp >= expr.length)
                break;
            if (expr.charAt(cp) !== ':') {
                throw new MacroError(`":" expected at: "...${iftrue}}>>>${expr.slice(cp, cp + 20)}"`, at(origin, cp));
            }
            cp++;
            expandOtherwise(expr, cp, origin, selected, ctx);
            break;
        }
        case ':':
            expandOtherwise(expr, cp, origin, selected, ctx);
            break;
        default:
            if (lookup !== undefined && lookup !== '' && !ctx.scan) {
                parse(lookup, { base: refOffset, fixed: true }, ctx);
            }
    }
    ctx.level--;
}
function expandOtherwise(expr, from, origin, selected, ctx) {
    let cp = from;
    let iffalse;
    let iffalseStart;
    const brace = skipSpace(expr, cp);
    if (expr.charAt(brace) === '{') {
        const p = curlyPayload(expr, brace, origin);
        iffalse = p.payload;
        iffalseStart = p.start;
        cp = p.next;
    }
    else {
        iffalse = expr.slice(cp);
        iffalseStart = cp;
        cp = expr.length;
    }
    if (!selected || ctx.scan)
        parse(iffalse, sub(origin, iffalseStart), ctx);
    if (cp < expr.length) {
        throw new MacroError(`unexpected input at: "...${iffalse}}>>>${expr.slice(cp, cp + 20)}"`, at(origin, cp));
    }
}
function run(raw, lookup, depth, scan) {
    const ctx = { lookup, maxDepth: depth, level: 0, scan, out: [], references: [], undefinedNames: [] };
    const diagnostics = [];
    try {
        parse(raw, { base: 0, fixed: false }, ctx);
    }
    catch (error) {
        if (!(error instanceof MacroError))
            throw error;
        diagnostics.push({ message: error.message, offset: error.offset });
    }
    return { value: ctx.out.join(''), diagnostics, references: ctx.references, undefinedNames: ctx.undefinedNames };
}
/**
 * Expands `raw` as Postfix does when a program reads the parameter.
 * `lookup` returns a parameter's raw (unexpanded) value, or undefined when it
 * has none; looked-up values are expanded recursively, at most `depth`
 * nested calls deep.
 */
function expandValue(raw, lookup, depth = MAX_MACRO_NESTING) {
    return run(raw, lookup, depth, false);
}
/**
 * Checks the macro syntax of `raw` without expanding it, both branches of
 * every conditional included (postconf's MAC_EXP_FLAG_SCAN): the direct
 * references and the syntax errors. `value` is always empty.
 */
function scanValue(raw, lookup = () => undefined) {
    return run(raw, lookup, MAX_MACRO_NESTING, true);
}

;// CONCATENATED MODULE: ./src/mta/postfix/logical-lines.ts

/** C isspace(): space, \t, \n, \v, \f, \r. */
function isPostfixSpace(code) {
    return code === 32 || (code >= 9 && code <= 13);
}
function firstNonSpace(text, from, to) {
    let i = from;
    while (i < to && isPostfixSpace(text.charCodeAt(i)))
        i++;
    return i;
}
function readLogicalLines(text) {
    const index = new LineIndex(text);
    const lines = [];
    const dropped = [];
    let current = null;
    const finish = () => {
        if (current === null)
            return;
        if (isPostfixSpace(current.text.charCodeAt(0))) {
            const shown = current.text.length > 30 ? `${current.text.slice(0, 30)}...` : current.text;
            dropped.push({ line: current.line, message: `logical line must not start with whitespace: "${shown}"` });
        }
        else {
            lines.push(current);
        }
        current = null;
    };
    let start = 0;
    let lineNo = 1;
    while (start < text.length) {
        let end = text.indexOf('\n', start);
        if (end < 0)
            end = text.length;
        const body = firstNonSpace(text, start, end);
        const skip = body === end || text.charCodeAt(body) === 35; // blank, or `#` comment
        if (!skip) {
            const piece = text.slice(start, end);
            const continues = isPostfixSpace(text.charCodeAt(start));
            if (current !== null && continues) {
                const cur = current;
                cur.pieces.push({ textOffset: cur.text.length, fileOffset: start, length: piece.length });
                cur.text += piece;
                cur.endLine = lineNo;
            }
            else {
                finish();
                current = {
                    text: piece,
                    pieces: [{ textOffset: 0, fileOffset: start, length: piece.length }],
                    line: lineNo,
                    endLine: lineNo,
                };
            }
        }
        start = end + 1;
        lineNo++;
    }
    finish();
    return { lines, dropped, index };
}
/** File offset of a logical-line text offset (an offset just past the end maps past the last piece). */
function fileOffsetOf(line, textOffset) {
    let piece = line.pieces[0] ?? { textOffset: 0, fileOffset: 0, length: 0 };
    for (const p of line.pieces) {
        if (p.textOffset <= textOffset)
            piece = p;
        else
            break;
    }
    return piece.fileOffset + (textOffset - piece.textOffset);
}
/** 1-based position of a logical-line text offset. */
function positionOf(lines, line, textOffset) {
    return lines.index.position(fileOffsetOf(line, textOffset));
}
/** Position just after the character at `textOffset` (for exclusive span ends). */
function endPositionOf(lines, line, lastCharOffset) {
    const p = positionOf(lines, line, lastCharOffset);
    return { line: p.line, column: p.column + 1 };
}

;// CONCATENATED MODULE: ./src/mta/postfix/main-cf.ts

/**
 * main.cf as postconf(5) reads it: logical lines (see logical-lines.ts), then
 * Postfix's split_nameval() on each: the name runs up to whitespace or `=`,
 * whitespace around `=` is optional, the value is everything after `=` with
 * the surrounding whitespace trimmed (`a=b = c` gives a the value `b = c`).
 * `#` inside a line is data. Every definition is kept in order; the last
 * one is what Postfix uses (see lastDefinition).
 */
function parseMainCf(file) {
    const lines = readLogicalLines(file.text);
    const diagnostics = lines.dropped.map((d) => ({
        file: file.path,
        line: d.line,
        column: 1,
        message: d.message,
        fatal: false,
    }));
    const parameters = [];
    const seen = new Map();
    for (const line of lines.lines) {
        const parameter = splitNameValue(file.path, lines, line, diagnostics);
        if (parameter === null)
            continue;
        const earlier = seen.get(parameter.name);
        if (earlier !== undefined) {
            // dict_load_fp(): "overriding earlier entry" names the value being replaced.
            diagnostics.push({
                file: file.path,
                line: parameter.span.line,
                column: parameter.span.column,
                message: `overriding earlier entry: ${parameter.name}=${earlier.value}`,
                fatal: false,
            });
        }
        seen.set(parameter.name, parameter);
        parameters.push(parameter);
    }
    diagnostics.sort((a, b) => a.line - b.line || a.column - b.column);
    return { file: file.path, parameters, diagnostics };
}
/** The definition Postfix uses: the last one in the file, or undefined. */
function lastDefinition(mainCf, name) {
    for (let i = mainCf.parameters.length - 1; i >= 0; i--) {
        const parameter = mainCf.parameters[i];
        if (parameter !== undefined && parameter.name === name)
            return parameter;
    }
    return undefined;
}
/** name -> value as Postfix sees it (last definition wins). */
function effectiveValues(mainCf) {
    const values = new Map();
    for (const parameter of mainCf.parameters)
        values.set(parameter.name, parameter.value);
    return values;
}
function spanBetween(path, lines, line, start, end) {
    const from = positionOf(lines, line, start);
    if (end <= start)
        return { file: path, line: from.line, column: from.column, endLine: from.line, endColumn: from.column };
    const to = endPositionOf(lines, line, end - 1);
    return { file: path, line: from.line, column: from.column, endLine: to.line, endColumn: to.column };
}
/** split_nameval(): returns null (with a fatal diagnostic) when Postfix would exit. */
function splitNameValue(path, lines, line, diagnostics) {
    const text = line.text;
    const n = text.length;
    const fail = (offset, reason) => {
        const at = positionOf(lines, line, Math.min(offset, n - 1));
        const column = offset >= n ? at.column + 1 : at.column;
        // Postfix reports the logical line's first physical line.
        diagnostics.push({ file: path, line: at.line, column, message: `${reason}: "${text}"`, fatal: true });
        return null;
    };
    let np = 0;
    while (np < n && isPostfixSpace(text.charCodeAt(np)))
        np++;
    if (np >= n || text.charCodeAt(np) === 61)
        return fail(np, 'missing attribute name');
    let ep = np;
    while (ep < n && !isPostfixSpace(text.charCodeAt(ep)) && text.charCodeAt(ep) !== 61)
        ep++;
    let cp = ep;
    while (cp < n && isPostfixSpace(text.charCodeAt(cp)))
        cp++;
    if (cp >= n || text.charCodeAt(cp) !== 61)
        return fail(cp, "missing '=' after attribute name");
    let vp = cp + 1;
    while (vp < n && isPostfixSpace(text.charCodeAt(vp)))
        vp++;
    let ve = n;
    while (ve > vp && isPostfixSpace(text.charCodeAt(ve - 1)))
        ve--;
    let lineEnd = n;
    while (lineEnd > 0 && isPostfixSpace(text.charCodeAt(lineEnd - 1)))
        lineEnd--;
    const valueStart = ve > vp ? vp : cp + 1;
    return {
        name: text.slice(np, ep),
        value: text.slice(vp, ve),
        span: spanBetween(path, lines, line, np, lineEnd),
        nameSpan: spanBetween(path, lines, line, np, ep),
        valueSpan: spanBetween(path, lines, line, valueStart, ve > vp ? ve : valueStart),
    };
}

;// CONCATENATED MODULE: ./src/mta/postfix/effective.ts




/**
 * The parameters one Postfix program sees: main.cf (the last definition of a
 * name wins, postconf(5)), then, for a master.cf service, its `-o name=value`
 * overrides (master(5): they replace main.cf for that service only, the last
 * `-o` of a name winning), then Postfix's built-in defaults.
 *
 * Values are expanded lazily, as Postfix does when a program reads a
 * parameter, so a `$name` inside main.cf or inside an override sees the
 * service's overrides too.
 */
class PostfixParameters {
    mainCf;
    service;
    cache = new Map();
    compatibilityLevel = null;
    resolvingLevel = false;
    constructor(mainCf, service = null) {
        this.mainCf = mainCf;
        this.service = service;
    }
    /** The same main.cf as seen by one master.cf service. */
    forService(service) {
        return new PostfixParameters(this.mainCf, service);
    }
    /** Which definition is in effect for `name`, without expanding it. */
    origin(name) {
        if (this.service !== null) {
            const overrides = this.service.overrides;
            for (let i = overrides.length - 1; i >= 0; i--) {
                const override = overrides[i];
                if (override !== undefined && override.name === name) {
                    return { kind: 'override', definition: override, service: this.service };
                }
            }
        }
        const definition = this.mainCf === null ? undefined : lastDefinition(this.mainCf, name);
        if (definition !== undefined)
            return { kind: 'main.cf', definition };
        return { kind: 'default' };
    }
    /** The unexpanded value in effect for `name`; undefined when it has no definition and no known default. */
    raw(name) {
        const origin = this.origin(name);
        if (origin.kind !== 'default')
            return origin.definition.value;
        return builtinDefault(name, this.level());
    }
    /** The effective, expanded value of `name`. */
    get(name) {
        const cached = this.cache.get(name);
        if (cached !== undefined)
            return cached;
        const origin = this.origin(name);
        const raw = this.raw(name) ?? '';
        const expanded = expandValue(raw, (n) => this.raw(n));
        const value = {
            name,
            raw,
            value: expanded.value,
            origin,
            sources: expanded.references.map((n) => ({ name: n, origin: this.origin(n) })),
            diagnostics: expanded.diagnostics,
            unknown: isUnknown(expanded.value) || isUnknown(raw),
        };
        this.cache.set(name, value);
        return value;
    }
    /**
     * compatibility_level chooses several defaults. A level that (absurdly)
     * refers back to one of those defaults is read as unknown rather than
     * looping.
     */
    level() {
        if (this.compatibilityLevel !== null)
            return this.compatibilityLevel;
        if (this.resolvingLevel)
            return UNKNOWN_MARK;
        this.resolvingLevel = true;
        try {
            this.compatibilityLevel = this.get('compatibility_level').value;
        }
        finally {
            this.resolvingLevel = false;
        }
        return this.compatibilityLevel;
    }
}
/** The definitions (main.cf lines and `-o` overrides) a value was built from, its own first. */
function definitionsOf(value) {
    const out = [];
    for (const origin of [value.origin, ...value.sources.map((s) => s.origin)]) {
        if (origin.kind !== 'default' && !out.includes(origin.definition))
            out.push(origin.definition);
    }
    return out;
}

;// CONCATENATED MODULE: ./src/mta/postfix/list.ts
/**
 * Postfix list values (postconf(5): "separated by comma and/or whitespace").
 * Postfix splits them with mystrtokq(value, ", \t\r\n", "{}"): a separator
 * only counts outside `{ }`, so `{ a b }` is one item, and an unbalanced `{`
 * swallows the rest of the value. The braces stay in the item text, as
 * postconf prints them; `groupInner` gives what a consumer sees after
 * Postfix's extpar() strips them.
 */
/**
 * ',' ' ' '\t' '\n' — NOT '\r': measured with postconf 3.7, a CRLF main.cf
 * whose list value continues on the next line keeps the CR inside the
 * value, and Postfix sees it as part of an item (inet_interfaces fails with
 * "host not found: 127.0.0.1\r").
 */
function isSeparator(code) {
    return code === 44 || code === 32 || code === 9 || code === 10;
}
function splitList(value) {
    const items = [];
    let i = 0;
    const n = value.length;
    while (i < n) {
        while (i < n && isSeparator(value.charCodeAt(i)))
            i++;
        if (i >= n)
            break;
        const start = i;
        let level = 0;
        for (; i < n; i++) {
            const c = value.charCodeAt(i);
            if (c === 123)
                level++;
            else if (level > 0 && c === 125)
                level--;
            else if (level === 0 && isSeparator(c))
                break;
        }
        items.push({ text: value.slice(start, i), offset: start, length: i - start });
    }
    return items;
}
const SPACE = /^[ \t\r\n\v\f]*/;
function trimPostfixSpace(text) {
    let end = text.length;
    while (end > 0 && /[ \t\r\n\v\f]/.test(text.charAt(end - 1)))
        end--;
    return text.slice(0, end).replace(SPACE, '');
}
/**
 * The text inside a `{ ... }` list item, without the braces and the
 * whitespace next to them (Postfix extpar() with EXTPAR_FLAG_STRIP).
 * null when the item is not a group, or when its closing `}` is missing or
 * not last (Postfix reports "syntax error" there).
 */
function groupInner(text) {
    if (!text.startsWith('{'))
        return null;
    let level = 0;
    for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 123)
            level++;
        else if (c === 125) {
            level--;
            if (level === 0)
                return i === text.length - 1 ? trimPostfixSpace(text.slice(1, i)) : null;
        }
    }
    return null;
}
/** The item's text as a consumer uses it: the inner text of a `{ }` group, else the text. */
function itemValue(item) {
    return groupInner(item.text) ?? item.text;
}

// EXTERNAL MODULE: ./node_modules/ipaddr.js/lib/ipaddr.js
var ipaddr = __nccwpck_require__(8280);
var ipaddr_default = /*#__PURE__*/__nccwpck_require__.n(ipaddr);
;// CONCATENATED MODULE: ./src/mta/postfix/loopback.ts


/**
 * Is one address or host name (an `inet_interfaces` item, or the host of a
 * master.cf `host:port` service) a loopback address?
 *
 * Postfix resolves names with the system resolver; relaygate cannot, so only
 * the names that are loopback everywhere count: `localhost` (and Postfix's own
 * keyword `loopback-only`). Every other host name may resolve to a routable
 * address and is NOT loopback. Addresses are 127.0.0.0/8 and ::1, with or
 * without the brackets master(5) and postconf(5) allow around IPv6 addresses;
 * `::ffff:127.0.0.1` is the IPv4 loopback seen through IPv6.
 */
function isLoopbackHost(host) {
    if (isUnknown(host))
        return 'unknown';
    let text = host.trim();
    if (text.startsWith('[') && text.endsWith(']'))
        text = text.slice(1, -1);
    const lower = text.toLowerCase();
    if (lower === 'localhost' || lower === 'loopback-only')
        return true;
    if (!ipaddr_default().isValid(text))
        return false;
    return ipaddr_default().process(text).range() === 'loopback';
}
/**
 * Does an `inet_interfaces` value (already split into items) name loopback
 * addresses only? `all` (case-insensitive, as Postfix compares it) listens on
 * every address; an empty value is not loopback-only either (postconf(5):
 * the list must name at least one interface, so the server would not start
 * as a loopback-only listener).
 */
function interfacesAreLoopback(items) {
    if (items.length === 0)
        return false;
    let unknown = false;
    for (const item of items) {
        const loopback = isLoopbackHost(item);
        if (loopback === false)
            return false;
        if (loopback === 'unknown')
            unknown = true;
    }
    return unknown ? 'unknown' : true;
}

;// CONCATENATED MODULE: ./src/mta/postfix/listeners.ts



/**
 * The smtp line of the stock master.cf (`smtp inet n - y - - smtpd`): what a
 * main.cf without a master.cf beside it runs with.
 */
function stockSmtpService(file) {
    const span = { file, line: 1, column: 1, endLine: 1, endColumn: 1 };
    return {
        name: 'smtp',
        host: null,
        port: 'smtp',
        type: 'inet',
        private: 'n',
        unprivileged: '-',
        chroot: 'y',
        wakeup: '-',
        maxproc: '-',
        command: 'smtpd',
        args: [],
        overrides: [],
        span,
        nameSpan: span,
        smtpd: true,
        postscreen: false,
        pass: false,
    };
}
function not(value) {
    return value === 'unknown' ? 'unknown' : !value;
}
/**
 * Every inet smtpd listener of one instance, loopback ones included
 * (`external` tells them apart).
 *
 * master(5): a `host:port` service binds that host only, whatever
 * inet_interfaces says (master_ent.c resolves the host itself); a bare port
 * binds every address of inet_interfaces, which the master daemon reads from
 * main.cf alone (a `-o inet_interfaces` does not move a listener).
 * postscreen(8) hands accepted connections to the `pass` service named by its
 * smtpd_service_name (default `smtpd`); without such a service no mail is
 * received through it, so it is not a listener.
 */
function smtpdListeners(config) {
    const main = new PostfixParameters(config.mainCf);
    const stock = config.masterCf === null;
    const masterFile = config.directory === '.' ? 'master.cf' : `${config.directory}/master.cf`;
    const services = config.masterCf?.services ?? [stockSmtpService(masterFile)];
    const interfaces = main.get('inet_interfaces');
    const interfacesLoopback = interfacesAreLoopback(splitList(interfaces.value).map(itemValue));
    const listeners = [];
    for (const service of services) {
        if (service.type !== 'inet')
            continue;
        let smtpd;
        if (service.smtpd)
            smtpd = service;
        else if (service.postscreen) {
            const passName = main.forService(service).get('smtpd_service_name').value;
            smtpd = services.filter((s) => s.pass && s.smtpd && s.name === passName).at(-1);
        }
        if (smtpd === undefined)
            continue;
        const bound = service.host !== null;
        listeners.push({
            service,
            smtpd,
            parameters: main.forService(smtpd),
            stock,
            label: bound ? service.name : `*:${service.port}`,
            interfaces: bound ? null : interfaces,
            external: bound ? not(isLoopbackHost(service.host ?? '')) : not(interfacesLoopback),
        });
    }
    return listeners;
}

;// CONCATENATED MODULE: ./src/mta/postfix/restrictions.ts


/**
 * Restrictions that take the next list item as their argument (postconf(5),
 * smtpd_check.c): the item after them is a table, a DNS domain or a number,
 * never a restriction, so `reject_rbl_client reject` does not contain the
 * action `reject`.
 */
const TAKES_ARGUMENT = new Set([
    'check_ccert_access',
    'check_client_access',
    'check_client_a_access',
    'check_client_mx_access',
    'check_client_ns_access',
    'check_reverse_client_hostname_access',
    'check_reverse_client_hostname_a_access',
    'check_reverse_client_hostname_mx_access',
    'check_reverse_client_hostname_ns_access',
    'check_helo_access',
    'check_helo_a_access',
    'check_helo_mx_access',
    'check_helo_ns_access',
    'check_sender_access',
    'check_sender_a_access',
    'check_sender_mx_access',
    'check_sender_ns_access',
    'check_recipient_access',
    'check_recipient_a_access',
    'check_recipient_mx_access',
    'check_recipient_ns_access',
    'check_etrn_access',
    'check_sasl_access',
    'check_policy_service',
    'permit_dnswl_client',
    'permit_rhswl_client',
    'reject_rbl_client',
    'reject_rhsbl_client',
    'reject_rhsbl_helo',
    'reject_rhsbl_sender',
    'reject_rhsbl_recipient',
    'reject_rhsbl_reverse_client',
    'sleep',
]);
/**
 * Reads a restriction list into restrictions. Items are Postfix list items
 * (commas and/or whitespace, `{ }` groups); restriction names are compared
 * case-insensitively, as smtpd_check.c does with strcasecmp() (smtpd starts
 * with `REJECT_UNAUTH_DESTINATION`). A `{ }` group keeps its braces: smtpd
 * reads `{reject}` as a (malformed) table, not as the action `reject`
 * ("expected maptype:mapname instead of 'reject'").
 */
function readRestrictions(value) {
    const items = splitList(value).map((item) => item.text);
    const out = [];
    for (let i = 0; i < items.length; i++) {
        const name = items[i] ?? '';
        const restriction = { name, args: [], unknown: isUnknown(name) };
        if (TAKES_ARGUMENT.has(name.toLowerCase()) && i + 1 < items.length) {
            const arg = items[++i] ?? '';
            restriction.args.push(arg);
            if (isUnknown(arg))
                restriction.unknown = true;
        }
        out.push(restriction);
    }
    return out;
}
/** Is this restriction the bare action `name` (`permit`, `reject`)? Not `permit_mynetworks`, not `dont_reject`. */
function isAction(restriction, name) {
    return !restriction.unknown && restriction.name.toLowerCase() === name;
}
/** The restriction as written, arguments included. */
function restrictionText(restriction) {
    return [restriction.name, ...restriction.args].join(' ');
}
/** Restriction classes that name each other would loop in smtpd; relaygate stops here. */
const MAX_CLASS_DEPTH = 20;
/**
 * Reads a restriction list with every restriction class (postconf(5)
 * smtpd_restriction_classes) replaced by its own restrictions: smtpd_check.c
 * evaluates a class in place, and a `permit` or `reject` decided inside it
 * ends the outer list too. Class names match exactly (a hash table lookup).
 * `used` collects the class names met, for `related` locations.
 */
function readRestrictionsThroughClasses(value, lookup, used = [], depth = 0) {
    const out = [];
    for (const restriction of readRestrictions(value)) {
        const name = restriction.name;
        if (!restriction.unknown && restriction.args.length === 0 && lookup.classes.has(name) && depth < MAX_CLASS_DEPTH) {
            if (!used.includes(name))
                used.push(name);
            out.push(...readRestrictionsThroughClasses(lookup.valueOf(name), lookup, used, depth + 1));
        }
        else
            out.push(restriction);
    }
    return out;
}

;// CONCATENATED MODULE: ./src/rules/stig-postfix-relay.ts






const stig_postfix_relay_meta = {
    id: 'stig-postfix-relay',
    title: 'Mail relaying must be restricted (Postfix)',
    description: 'Postfix receives mail from other hosts while smtpd_client_restrictions lacks a bare reject, has a bare permit before it, or (RHEL 6) inet_interfaces is not loopback.',
    help: 'DISA STIG GEN004710 and its successors (RHEL-06-000249, RHEL-07-040680, RHEL-08-040290, RHEL-09-252050, ' +
        'RHEL-10-200692) require Postfix to restrict which clients may use it. relaygate reads the configuration as ' +
        'Postfix does: the last definition of a parameter wins, $name references are expanded, continuation lines are ' +
        'joined, master.cf -o overrides apply to their service, and built-in defaults fill what is unset ' +
        '(inet_interfaces = all, smtpd_client_restrictions empty). Restrictions are read as tokens: permit_mynetworks ' +
        'is not permit, and dont_reject or reject_rbl_client are not reject. Under the GEN004710 profile a host whose ' +
        'smtpd listens on loopback only passes. Fix: set smtpd_client_restrictions = permit_mynetworks, reject in ' +
        'main.cf, or inet_interfaces = loopback-only if the host does not receive mail from the network.',
    defaultLevel: 'error',
    securitySeverity: 8.0,
    stig: true,
};
const PARAMETER = 'smtpd_client_restrictions';
const PASS = { status: 'pass', level: 'error', why: '', otherEntries: false };
/** The restriction classes (smtpd_restriction_classes) `value` uses, as the same smtpd sees them. */
function classesUsed(value, parameters) {
    const classes = new Set(splitList(parameters.get('smtpd_restriction_classes').value).map((item) => item.text));
    const names = [];
    const restrictions = readRestrictionsThroughClasses(value.value, { classes, valueOf: (n) => parameters.get(n).value }, names);
    return { names, restrictions };
}
const UNRESOLVED = 'depends on a template expression that could not be resolved';
/**
 * GEN004710 read on tokens: a bare `reject` must be present and no bare
 * `permit` may come before it. Three-valued: an unresolved template item
 * before the first decisive one could be either, so the verdict is unknown.
 */
function judgeGen004710(value, parameters) {
    const restrictions = classesUsed(value, parameters).restrictions;
    if (restrictions.length === 0) {
        const why = value.origin.kind === 'default'
            ? 'is missing (Postfix\'s default is empty), so no client is rejected'
            : 'is empty, so no client is rejected';
        return { status: 'fail', level: 'error', why, otherEntries: false };
    }
    for (const restriction of restrictions) {
        if (restriction.unknown)
            return { status: 'unknown', level: 'error', why: UNRESOLVED, otherEntries: false };
        if (isAction(restriction, 'permit')) {
            return { status: 'fail', level: 'error', why: 'has permit before reject', otherEntries: false };
        }
        if (isAction(restriction, 'reject'))
            return PASS;
    }
    return { status: 'fail', level: 'error', why: 'has no reject', otherEntries: false };
}
const ALLOWED = new Set(['permit_mynetworks', 'reject']);
/** RHEL 7 and later: only permit_mynetworks and reject, reject present (and never a bare permit before it). */
function judgeOnlyPermitMynetworksReject(value, parameters, profile) {
    const base = judgeGen004710(value, parameters);
    if (base.status === 'fail')
        return base;
    const restrictions = readRestrictions(value.value);
    const others = restrictions.filter((r) => !r.unknown && !(r.args.length === 0 && ALLOWED.has(r.name.toLowerCase())));
    const level = profile.postfix.otherEntriesLevel;
    if (others.length > 0) {
        const listed = others.map(restrictionText).join(', ');
        const documented = level === 'warning' ? ' that are acceptable only when documented with the ISSO' : '';
        return { status: 'fail', level, why: `has entries other than permit_mynetworks and reject (${listed})${documented}`, otherEntries: true };
    }
    if (base.status === 'unknown')
        return base;
    if (restrictions.some((r) => r.unknown))
        return { status: 'unknown', level, why: UNRESOLVED, otherEntries: true };
    return PASS;
}
/** Text for a message: unresolved template text shown as such. */
function show(text) {
    return text.split(UNKNOWN_MARK).join('<unresolved>');
}
function fileName(file) {
    return external_node_path_default().posix.basename(file);
}
function where(origin) {
    if (origin.kind === 'default')
        return 'the default';
    return `${fileName(origin.definition.span.file)} line ${origin.definition.span.line}`;
}
/**
 * Where a finding about a missing setting points: the first line of main.cf
 * (or of master.cf when there is no main.cf, the only file there is to edit).
 */
function firstLine(config) {
    const file = config.mainCf?.file ?? config.masterCf?.file ?? config.files[0] ?? config.directory;
    const spans = config.mainCf?.parameters.map((p) => p.span) ?? config.masterCf?.services.map((s) => s.span) ?? [];
    const onLineOne = spans.find((s) => s.line === 1 && s.endLine === 1);
    return { file, line: 1, column: 1, endLine: 1, endColumn: onLineOne?.endColumn ?? 2 };
}
/** The text a person edits to change `value`: its definition's value, or the first line when it is unset. */
function locate(value, config) {
    const origin = value.origin;
    if (origin.kind === 'override')
        return origin.definition.span;
    if (origin.kind === 'main.cf') {
        const valueSpan = origin.definition.valueSpan;
        const empty = valueSpan.line === valueSpan.endLine && valueSpan.endColumn <= valueSpan.column;
        return empty ? origin.definition.span : valueSpan;
    }
    return firstLine(config);
}
function spanKey(span) {
    return `${span.file}:${span.line}:${span.column}:${span.endLine}:${span.endColumn}`;
}
function describeValue(value) {
    if (value.origin.kind === 'default')
        return PARAMETER;
    const expanded = value.raw === value.value ? '' : ` (expands to "${show(value.value)}")`;
    const override = value.origin.kind === 'override' ? ` (master.cf -o on ${value.origin.service.name})` : '';
    return `${PARAMETER} = "${show(value.raw)}"${expanded}${override}`;
}
function listenerLabel(listener) {
    return listener.smtpd === listener.service ? listener.label : `${listener.label} (postscreen)`;
}
/** "smtpd on *:smtp and *:submission (inet_interfaces = all, main.cf line 3)". */
function describeListeners(listeners) {
    const labels = [...new Set(listeners.map(listenerLabel))];
    const joined = labels.length <= 1 ? (labels[0] ?? '') : `${labels.slice(0, -1).join(', ')} and ${labels.at(-1)}`;
    const interfaces = listeners.find((l) => l.interfaces !== null)?.interfaces;
    const context = interfaces ? ` (inet_interfaces = ${show(interfaces.value) || '""'}, ${where(interfaces.origin)})` : '';
    return `smtpd on ${joined}${context}`;
}
function reachPhrase(listeners) {
    return listeners.some((l) => l.external === true) ? 'accepts mail from any host' : 'may accept mail from other hosts';
}
function relatedFor(values, span, parameters) {
    const related = [];
    const seen = new Set([`${span.file}:${span.line}`]);
    const add = (origin, message) => {
        if (origin.kind === 'default')
            return;
        const s = origin.definition.span;
        const key = `${s.file}:${s.line}`;
        if (seen.has(key))
            return;
        seen.add(key);
        related.push({ file: s.file, line: s.line, column: s.column, message });
    };
    for (const value of values) {
        if (value.name === 'inet_interfaces')
            add(value.origin, `inet_interfaces = ${show(value.raw)} is set here`);
        for (const source of value.sources)
            add(source.origin, `$${source.name} used by ${value.name} comes from here`);
        if (parameters === undefined || value.name !== PARAMETER)
            continue;
        for (const name of classesUsed(value, parameters).names) {
            const definition = parameters.get(name);
            add(definition.origin, `restriction class ${name} used by ${value.name} is defined here`);
            for (const source of definition.sources)
                add(source.origin, `$${source.name} used by ${name} comes from here`);
        }
    }
    return related;
}
function fixFor(value, verdict, profile, listeners) {
    const origin = value.origin;
    if (origin.kind === 'override') {
        const port = origin.service.port;
        if (profile.postfix.check === 'gen004710') {
            return `Change the override to end in reject with no bare permit before it (for example -o ${PARAMETER}=permit_sasl_authenticated,reject), or bind the service to 127.0.0.1:${port} if other hosts must not reach it.`;
        }
        if (verdict.otherEntries && verdict.level === 'warning') {
            return `Change the override to -o ${PARAMETER}=permit_mynetworks,reject, or document the extra entries with the ISSO and suppress this finding with "relaygate-ignore stig-postfix-relay: <ISSO reference>".`;
        }
        return `Change the override to -o ${PARAMETER}=permit_mynetworks,reject (or remove it so main.cf applies).`;
    }
    const set = `Set ${PARAMETER} = permit_mynetworks, reject in main.cf`;
    if (profile.postfix.check === 'gen004710') {
        const wildcard = listeners.some((l) => l.interfaces !== null);
        return wildcard ? `${set}, or inet_interfaces = loopback-only if this host does not receive mail.` : `${set}, or bind the listening services to 127.0.0.1 if this host does not receive mail.`;
    }
    if (verdict.otherEntries && verdict.level === 'warning') {
        return `${set}, or document the extra entries with the ISSO and suppress this finding with "relaygate-ignore stig-postfix-relay: <ISSO reference>".`;
    }
    return `${set}.`;
}
function certaintyOf(verdict, reach) {
    if (verdict.status === 'unknown')
        return 'indeterminate';
    return reach.length === 0 || reach.includes(true) ? 'definite' : 'indeterminate';
}
/** Groups listeners by the definition of smtpd_client_restrictions they use: one finding per line to edit. */
function groupByDefinition(config, listeners, seed = []) {
    const groups = new Map();
    const add = (value, parameters, listener) => {
        const span = locate(value, config);
        const key = `${spanKey(span)}\u0000${value.value}`;
        let group = groups.get(key);
        if (group === undefined) {
            group = { value, parameters, span, listeners: [] };
            groups.set(key, group);
        }
        if (listener !== undefined)
            group.listeners.push(listener);
    };
    for (const s of seed)
        add(s.value, s.parameters, undefined);
    for (const listener of listeners)
        add(listener.parameters.get(PARAMETER), listener.parameters, listener);
    return [...groups.values()];
}
function result(level, certainty, message, fix, span, related, profile) {
    return { ruleId: stig_postfix_relay_meta.id, level, certainty, mta: 'postfix', message, fix, ids: [...profile.ids], span, related };
}
/** GEN004710: judged only where smtpd is reachable beyond loopback. */
function checkGen004710(config, listeners, profile) {
    const exposed = listeners.filter((l) => l.external !== false);
    const out = [];
    for (const group of groupByDefinition(config, exposed)) {
        const verdict = judgeGen004710(group.value, group.parameters);
        if (verdict.status === 'pass')
            continue;
        const interfaces = group.listeners.flatMap((l) => (l.interfaces ? [l.interfaces] : []));
        const message = `${describeListeners(group.listeners)} ${reachPhrase(group.listeners)} and ${describeValue(group.value)} ${verdict.why}.`;
        out.push(result(verdict.level, certaintyOf(verdict, group.listeners.map((l) => l.external)), message, fixFor(group.value, verdict, profile, group.listeners), group.span, relatedFor([...interfaces.slice(0, 1), group.value], group.span, group.parameters), profile));
    }
    return out;
}
/**
 * RHEL 6: mail may be received on loopback only. A bare-port listener points
 * at inet_interfaces; a `host:port` service bound to another address points
 * at its own name.
 */
function checkLocalhost(config, listeners, profile) {
    const out = [];
    const wildcard = listeners.filter((l) => l.interfaces !== null && l.external !== false);
    const interfaces = wildcard[0]?.interfaces;
    if (interfaces) {
        const span = locate(interfaces, config);
        const setting = interfaces.origin.kind === 'default'
            ? 'inet_interfaces is missing (Postfix\'s default is all)'
            : `inet_interfaces = ${show(interfaces.raw)}${interfaces.raw === interfaces.value ? '' : ` (expands to "${show(interfaces.value)}")`}`;
        const labels = [...new Set(wildcard.map(listenerLabel))].join(', ');
        out.push(result('error', wildcard.some((l) => l.external === true) ? 'definite' : 'indeterminate', `smtpd on ${labels} ${reachPhrase(wildcard)} because ${setting}, and the RHEL 6 STIG requires inet_interfaces = localhost.`, 'Set inet_interfaces = localhost in main.cf.', span, relatedFor([interfaces], span), profile));
    }
    for (const listener of listeners) {
        if (listener.interfaces !== null || listener.external === false)
            continue;
        out.push(result('error', listener.external === true ? 'definite' : 'indeterminate', `smtpd on ${listenerLabel(listener)} (master.cf line ${listener.service.span.line}) ${reachPhrase([listener])}, and the RHEL 6 STIG requires mail to be received on localhost only.`, `Bind the service to 127.0.0.1:${listener.service.port}, or remove it.`, listener.service.nameSpan, [], profile));
    }
    return out;
}
/**
 * RHEL 7 and later: no loopback shortcut for main.cf's value (the STIG reads
 * `postconf -n smtpd_client_restrictions`); a `-o` override matters on a
 * service other hosts can reach.
 */
function checkOnlyPermitMynetworksReject(config, listeners, profile) {
    const exposed = listeners.filter((l) => l.external !== false);
    const globalParameters = new PostfixParameters(config.mainCf);
    const global = globalParameters.get(PARAMETER);
    const out = [];
    for (const group of groupByDefinition(config, exposed, [{ value: global, parameters: globalParameters }])) {
        const verdict = judgeOnlyPermitMynetworksReject(group.value, group.parameters, profile);
        if (verdict.status === 'pass')
            continue;
        const used = group.listeners.length > 0 ? `, used by ${describeListeners(group.listeners)}` : '';
        const rule = `the ${profile.title} STIG allows only permit_mynetworks and reject, with reject present`;
        const message = `${describeValue(group.value)} ${verdict.why}; ${rule}${used}.`;
        const isGlobal = group.value === global;
        const reach = isGlobal ? [] : group.listeners.map((l) => l.external);
        out.push(result(verdict.level, certaintyOf(verdict, reach), message, fixFor(group.value, verdict, profile, group.listeners), group.span, relatedFor([group.value], group.span, group.parameters), profile));
    }
    return out;
}
function check(config, profile) {
    const listeners = smtpdListeners(config);
    switch (profile.postfix.check) {
        case 'gen004710':
            return checkGen004710(config, listeners, profile);
        case 'localhost':
            return checkLocalhost(config, listeners, profile);
        case 'only-permit-mynetworks-reject':
            return checkOnlyPermitMynetworksReject(config, listeners, profile);
    }
}
const stig_postfix_relay_rule = {
    meta: stig_postfix_relay_meta,
    check(config, context) {
        if (config.mta !== 'postfix')
            return [];
        return check(config, context.profile);
    },
};

;// CONCATENATED MODULE: ./src/mta/sendmail/daemon-port-options.ts


/**
 * Reads a DaemonPortOptions value as sendmail does (daemon.c,
 * setsockaddroptions): comma-separated `key=value` pairs, leading whitespace
 * skipped, the key recognized by its FIRST LETTER only and case-insensitively
 * (`Addr=`, `Address=`, `a=` are all the address). No address means every interface.
 */
function readDaemonPortOptions(text, origin, span) {
    let address = null;
    let port = null;
    let name = null;
    let family = null;
    for (const pair of text.split(',')) {
        const eq = pair.indexOf('=');
        if (eq < 0)
            continue;
        const key = pair.slice(0, eq).trimStart();
        const value = pair.slice(eq + 1).trim();
        switch (key.charAt(0).toLowerCase()) {
            case 'a':
                address = value === '' ? null : value;
                break;
            case 'p':
                port = value;
                break;
            case 'n':
                name = value;
                break;
            case 'f':
                family = value;
                break;
            default:
                break;
        }
    }
    return { text, address, port, name, family, origin, span };
}
/** Loopback: 127.0.0.0/8, ::1 (also IPv4-mapped), or the name localhost. */
function isLoopbackAddress(address) {
    let a = address.trim();
    if (a.startsWith('[') && a.endsWith(']'))
        a = a.slice(1, -1);
    if (a.toLowerCase().startsWith('ipv6:'))
        a = a.slice(5);
    if (a.toLowerCase() === 'localhost' || a.toLowerCase() === 'localhost.localdomain')
        return true;
    if (!ipaddr_default().isValid(a))
        return false;
    let parsed = ipaddr_default().parse(a);
    if (parsed.kind() === 'ipv6' && parsed.isIPv4MappedAddress()) {
        parsed = parsed.toIPv4Address();
    }
    return parsed.range() === 'loopback';
}
/** Is this listener reachable beyond loopback? */
function listenerExposure(listener) {
    if (listener.address === null)
        return isUnknown(listener.text) ? 'unknown' : 'exposed';
    if (isUnknown(listener.address))
        return 'unknown';
    return isLoopbackAddress(listener.address) ? 'loopback' : 'exposed';
}
/** "every address" or the address, with the port and name: how a message names a listener. */
function describeListener(listener) {
    const where = listener.address === null ? 'every address' : isUnknown(listener.address) ? 'an unresolved address' : listener.address;
    const bits = [];
    if (listener.origin === 'default MTA')
        bits.push('default MTA, port 25');
    else if (listener.origin === 'default MSA')
        bits.push("default MSA, port 587; add FEATURE(`no_default_msa')");
    else {
        bits.push(`${listener.origin} at line ${listener.span.line}`);
        if (listener.name)
            bits.push(`Name=${listener.name}`);
        bits.push(`port ${listener.port ?? '25'}`);
    }
    return `${where} (${bits.join(', ')})`;
}

;// CONCATENATED MODULE: ./src/rules/profiles.ts
const PROFILE_IDS = ['gen004710', 'rhel6', 'rhel7', 'rhel8', 'rhel9', 'rhel10'];
const GEN004710_IDS = [
    'GEN004710',
    'V-218553', 'V-23952', 'V-226944', 'V-227851',
    'SV-218553r603259_rule', 'SV-62879r2_rule', 'SV-37514r2_rule', 'SV-38919r1_rule', 'SV-38410r1_rule',
    'SV-226944r603265_rule', 'SV-227851r603266_rule', 'SV-45875r1_rule',
    'CCI-000366', 'CCI-001305',
];
const PROFILES = {
    gen004710: {
        id: 'gen004710',
        title: 'GEN004710 (UNIX SRG: Oracle Linux 5, RHEL 5, AIX, HP-UX, Solaris 10, SLES 11)',
        ids: GEN004710_IDS,
        postfix: { check: 'gen004710', otherEntriesLevel: 'error' },
    },
    rhel6: {
        id: 'rhel6',
        title: 'RHEL 6 / Oracle Linux 6',
        ids: ['RHEL-06-000249', 'OL6-00-000249', 'V-218009', 'V-38622', 'V-208930', 'SV-218009r603264_rule', 'SV-208930r793716_rule', 'CCI-000382'],
        postfix: { check: 'localhost', otherEntriesLevel: 'error' },
    },
    rhel7: {
        id: 'rhel7',
        title: 'RHEL 7 / Oracle Linux 7',
        ids: ['RHEL-07-040680', 'OL07-00-040680', 'V-204619', 'V-72297', 'V-221883', 'SV-204619r991589_rule', 'SV-221883r991589_rule', 'CCI-000366'],
        postfix: { check: 'only-permit-mynetworks-reject', otherEntriesLevel: 'error' },
    },
    rhel8: {
        id: 'rhel8',
        title: 'RHEL 8 / Oracle Linux 8 / TOSS 4',
        ids: ['RHEL-08-040290', 'OL08-00-040290', 'TOSS-04-040700', 'V-230550', 'V-248895', 'V-253111', 'SV-230550r1017312_rule', 'SV-248895r991589_rule', 'SV-253111r825005_rule', 'CCI-000366'],
        postfix: { check: 'only-permit-mynetworks-reject', otherEntriesLevel: 'error' },
    },
    rhel9: {
        id: 'rhel9',
        title: 'RHEL 9 / Oracle Linux 9 / AlmaLinux 9',
        ids: ['RHEL-09-252050', 'OL09-00-002425', 'ALMA-09-019490', 'V-257951', 'V-271763', 'V-269252', 'SV-257951r1014843_rule', 'SV-271763r1092001_rule', 'SV-269252r1050134_rule', 'CCI-000366'],
        postfix: { check: 'only-permit-mynetworks-reject', otherEntriesLevel: 'warning' },
    },
    rhel10: {
        id: 'rhel10',
        title: 'RHEL 10',
        ids: ['RHEL-10-200692', 'V-280999', 'SV-280999r1165352_rule', 'CCI-000381'],
        postfix: { check: 'only-permit-mynetworks-reject', otherEntriesLevel: 'warning' },
    },
};
/** sendmail appears only in the GEN004710 STIGs; its findings carry those ids under every profile. */
const SENDMAIL_IDS = GEN004710_IDS;
function isProfileId(value) {
    return PROFILE_IDS.includes(value);
}

;// CONCATENATED MODULE: ./src/rules/stig-sendmail-relay.ts


const stig_sendmail_relay_meta = {
    id: 'stig-sendmail-relay',
    title: 'Mail relaying must be restricted (sendmail)',
    description: 'GEN004710 for sendmail: a sendmail that listens beyond loopback must not have FEATURE(`promiscuous_relay\') in effect.',
    help: 'GEN004710: sendmail is not a finding when every DaemonPortOptions (DAEMON_OPTIONS in the .mc) binds a loopback ' +
        'address; otherwise it is a finding when promiscuous_relay is enabled, which lets any client relay mail through ' +
        'the host. relaygate reads the .mc as m4 and cf.m4 do: after cf.m4 is included `#` is not a comment, so ' +
        "`# FEATURE(`promiscuous_relay')` is in effect; `dnl` lines are not; undefine(`_PROMISCUOUS_RELAY_') turns it " +
        "off again. cf.m4 also adds an MSA listener on port 587 on every address unless FEATURE(`no_default_msa') is " +
        'present, so binding only the MTA to 127.0.0.1 does not make sendmail loopback-only. A .cf without its .mc ' +
        'is judged from its rulesets (the Relay_ok ruleset and the "550 Relaying denied" rule are missing).',
    defaultLevel: 'error',
    securitySeverity: 8.0,
    stig: true,
};
function stig_sendmail_relay_check(config) {
    if (config.diagnostics.some((d) => d.fatal))
        return []; // config-unreadable reports it
    const listeners = config.listeners;
    const exposures = listeners.map(listenerExposure);
    if (listeners.length > 0 && exposures.every((e) => e === 'loopback'))
        return [];
    const relay = config.promiscuousRelay;
    const unknowns = config.unknowns;
    if (!relay.enabled && unknowns.length === 0)
        return [];
    const exposedDefinite = listeners.length === 0 || exposures.includes('exposed');
    const certainty = relay.enabled && exposedDefinite && unknowns.length === 0 ? 'definite' : 'indeterminate';
    const exposed = listeners.filter((_, i) => exposures[i] !== 'loopback');
    const where = listeners.length === 0
        ? 'every address (no DaemonPortOptions: sendmail listens on port 25 on every address)'
        : exposed.length === 1
            ? (exposed.map(describeListener)[0] ?? '')
            : `${exposed.map(describeListener).join('; ')}`;
    const exposure = exposed.length > 1 ? `sendmail has ${exposed.length} listeners beyond loopback (${where})` : `sendmail listens on ${where}`;
    const fromCf = config.mc === null;
    const span = relay.span ?? unknowns[0]?.span ?? listeners[0]?.span;
    if (!span)
        return [];
    let relayText;
    let fix;
    if (relay.enabled && fromCf) {
        relayText =
            `its rulesets relay for any client (the Relay_ok ruleset is missing and Basic_check_rcpt does not end with ` +
                `"550 Relaying denied", line ${span.line}: built with FEATURE(\`promiscuous_relay'))`;
        fix =
            `Rebuild ${config.cf ?? 'the .cf'} from a .mc without FEATURE(\`promiscuous_relay'), or bind every ` +
                'DAEMON_OPTIONS to 127.0.0.1 and add FEATURE(`no_default_msa\') before rebuilding.';
    }
    else if (relay.enabled) {
        relayText = `FEATURE(\`promiscuous_relay') is in effect at line ${span.line}`;
        fix =
            `Remove FEATURE(\`promiscuous_relay') (line ${span.line}; a \`#' in front does not disable it once cf.m4 is ` +
                "included: delete the line or start it with `dnl'), or bind every DAEMON_OPTIONS to 127.0.0.1 and add " +
                "FEATURE(`no_default_msa'); then rebuild the .cf.";
    }
    else {
        const what = unknowns.map((u) => `${u.what} at line ${u.span.line}`).join('; ');
        relayText = `whether promiscuous relay is in effect depends on values relaygate could not resolve (${what})`;
        fix = "Make sure FEATURE(`promiscuous_relay') cannot be enabled for this host, or bind every DAEMON_OPTIONS to 127.0.0.1.";
    }
    const related = exposed
        .filter((l) => l.span.file !== span.file || l.span.line !== span.line)
        .map((l) => ({ file: l.span.file, line: l.span.line, column: l.span.column, message: `listener: ${describeListener(l)}` }));
    for (const u of unknowns) {
        if (u.span !== span)
            related.push({ file: u.span.file, line: u.span.line, column: u.span.column, message: `unresolved: ${u.what}` });
    }
    return [
        {
            ruleId: stig_sendmail_relay_meta.id,
            level: stig_sendmail_relay_meta.defaultLevel,
            certainty,
            mta: 'sendmail',
            message: `${exposure}, and ${relayText}.`,
            fix,
            ids: [...SENDMAIL_IDS],
            span,
            related,
        },
    ];
}
const stig_sendmail_relay_rule = {
    meta: stig_sendmail_relay_meta,
    check(config) {
        return config.mta === 'sendmail' ? stig_sendmail_relay_check(config) : [];
    },
};

;// CONCATENATED MODULE: ./src/rules/index.ts




/** Every rule, in the order the README and SARIF list them. */
const RULES = [stig_postfix_relay_rule, stig_sendmail_relay_rule, config_unreadable_rule, invalid_suppression_rule];
function ruleById(id) {
    return RULES.find((r) => r.meta.id === id);
}

;// CONCATENATED MODULE: ./src/report/sarif.ts




/** GitHub code scanning rejects a run with more results than this (github-platform.md, "SARIF"). */
const SARIF_MAX_RESULTS = 25_000;
/** ...and a result with more locations than this. */
const SARIF_MAX_RELATED_LOCATIONS = 1_000;
const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const INFORMATION_URI = 'https://github.com/relaygate/relaygate';
const SRCROOT = '%SRCROOT%';
/**
 * Metadata for a rule id that RULES does not know (a report written by
 * another version, say): code scanning needs a descriptor for every result,
 * and a result without one would be rejected with the whole file.
 */
function unknownRuleMeta(id) {
    return {
        id,
        title: `relaygate rule ${id}`,
        description: `Findings of the relaygate rule ${id}.`,
        help: `See the relaygate documentation for the rule ${id}.`,
        defaultLevel: 'warning',
        securitySeverity: 5.0,
        stig: false,
    };
}
/** `stig-postfix-relay` -> `StigPostfixRelay`: SARIF's `name` is an identifier-like label. */
function ruleName(id) {
    const name = id
        .split(/[^A-Za-z0-9]+/)
        .filter((part) => part.length > 0)
        .map((part) => part[0].toUpperCase() + part.slice(1))
        .join('');
    return name.length > 0 ? name : 'Rule';
}
function helpMarkdown(meta) {
    const stig = meta.stig
        ? '\n\nThis is a DISA STIG check (GEN004710, "Mail relaying must be restricted", and its successors); each result lists the STIG, vulnerability, rule and CCI ids of the profile it was judged under.'
        : '';
    return `**${meta.title}**\n\n${meta.description}\n\n${meta.help}${stig}`;
}
function ruleDescriptor(meta) {
    const tags = meta.stig ? ['security', 'stig', 'mail-relay'] : ['security', 'mail-relay'];
    return {
        id: meta.id,
        name: ruleName(meta.id),
        shortDescription: { text: meta.title },
        fullDescription: { text: meta.description },
        help: { text: meta.help, markdown: helpMarkdown(meta) },
        helpUri: `${INFORMATION_URI}#rules`,
        defaultConfiguration: { level: meta.defaultLevel },
        properties: {
            tags,
            // Code scanning reads it as a string: >= 9.0 critical, 7.0-8.9 high, 4.0-6.9 medium, 0.1-3.9 low.
            'security-severity': meta.securitySeverity.toFixed(1),
            precision: 'very-high',
            'problem.severity': meta.defaultLevel === 'note' ? 'recommendation' : meta.defaultLevel,
        },
    };
}
function sarif_positive(n) {
    return Number.isInteger(n) && n >= 1;
}
/** A region code scanning accepts: columns only when they make a non-empty, ordered range. */
function region(f) {
    const startLine = sarif_positive(f.line) ? f.line : 1;
    const endLine = sarif_positive(f.endLine) && f.endLine >= startLine ? f.endLine : startLine;
    const r = { startLine, endLine };
    if (sarif_positive(f.column)) {
        r.startColumn = f.column;
        if (sarif_positive(f.endColumn) && (endLine > startLine || f.endColumn > f.column))
            r.endColumn = f.endColumn;
    }
    return r;
}
function artifact(file) {
    const uri = pathToUri(file);
    return { uri: uri.length > 0 ? uri : '.', uriBaseId: SRCROOT };
}
function relatedLocation(related, id) {
    const r = { startLine: sarif_positive(related.line) ? related.line : 1 };
    if (related.column !== undefined && sarif_positive(related.column))
        r.startColumn = related.column;
    const location = { id, physicalLocation: { artifactLocation: artifact(related.file), region: r } };
    if (related.message.trim().length > 0)
        location.message = { text: related.message };
    return location;
}
function nonEmpty(text, fallback) {
    return text.trim().length > 0 ? text : fallback;
}
function messageText(f) {
    const message = nonEmpty(f.message, `${f.ruleId} finding.`);
    return f.fix.trim().length > 0 ? `${message} Fix: ${f.fix}` : message;
}
/** The finding's fingerprint, or a stable stand-in: an empty string would reject the file. */
function lineHash(f) {
    if (f.fingerprint.trim().length > 0)
        return f.fingerprint;
    return (0,external_node_crypto_namespaceObject.createHash)('sha256').update(`${f.ruleId}\0${f.file}\0${f.line}\0${f.message}`).digest('hex').slice(0, 32);
}
function suppressions(f) {
    if (f.suppressed === null)
        return undefined;
    const s = {
        kind: f.suppressed.kind === 'inline' ? 'inSource' : 'external',
        status: 'accepted',
    };
    if (f.suppressed.reason.trim().length > 0)
        s.justification = f.suppressed.reason;
    if (f.suppressed.file !== undefined && f.suppressed.file.length > 0 && f.suppressed.line !== undefined) {
        s.location = { physicalLocation: { artifactLocation: artifact(f.suppressed.file), region: { startLine: f.suppressed.line } } };
    }
    return [s];
}
function sarif_result(f, ruleIndex) {
    const r = {
        ruleId: f.ruleId,
        ruleIndex,
        level: f.level,
        message: { text: messageText(f) },
        locations: [{ physicalLocation: { artifactLocation: artifact(f.file), region: region(f) } }],
        partialFingerprints: { primaryLocationLineHash: lineHash(f) },
    };
    const properties = { certainty: f.certainty, mta: f.mta };
    const ids = f.ids.filter((id) => id.trim().length > 0);
    if (ids.length > 0)
        properties['stigIds'] = ids;
    if (f.fix.trim().length > 0)
        properties['fix'] = f.fix;
    if (f.related.length > 0) {
        // One location is the primary one; the rest of GitHub's 1,000 may be related.
        const kept = f.related.slice(0, SARIF_MAX_RELATED_LOCATIONS - 1);
        r.relatedLocations = kept.map((rel, i) => relatedLocation(rel, i + 1));
        if (kept.length < f.related.length)
            properties['relatedLocationsOmitted'] = f.related.length - kept.length;
    }
    r.properties = properties;
    const s = suppressions(f);
    if (s)
        r.suppressions = s;
    return r;
}
/**
 * The indexes of the findings to keep when there are more than the limit:
 * active before suppressed, then by level, then by the rule's
 * security-severity, then definite before indeterminate; the report's own
 * order breaks ties and is kept in the output.
 */
function keepMostSevere(findings, severity, limit) {
    const order = findings.map((_, i) => i);
    const key = (f) => [
        f.suppressed === null ? 1 : 0,
        levelRank(f.level),
        severity(f.ruleId),
        f.certainty === 'definite' ? 1 : 0,
    ];
    const keys = findings.map(key);
    order.sort((a, b) => {
        const ka = keys[a];
        const kb = keys[b];
        for (let k = 0; k < ka.length; k++)
            if (ka[k] !== kb[k])
                return kb[k] - ka[k];
        return a - b;
    });
    return new Set(order.slice(0, limit));
}
function buildSarif(report) {
    const metas = RULES.map((r) => r.meta);
    for (const f of report.findings) {
        if (!metas.some((m) => m.id === f.ruleId))
            metas.push(unknownRuleMeta(f.ruleId));
    }
    const indexOf = new Map(metas.map((m, i) => [m.id, i]));
    const severityOf = new Map(metas.map((m) => [m.id, m.securitySeverity]));
    const total = report.findings.length;
    let findings = report.findings;
    if (total > SARIF_MAX_RESULTS) {
        const kept = keepMostSevere(report.findings, (id) => severityOf.get(id) ?? 0, SARIF_MAX_RESULTS);
        findings = report.findings.filter((_, i) => kept.has(i));
    }
    const omitted = total - findings.length;
    const invocation = { executionSuccessful: true };
    const run = {
        tool: {
            driver: {
                name: 'relaygate',
                version: report.tool.version,
                semanticVersion: report.tool.version,
                informationUri: INFORMATION_URI,
                rules: metas.map(ruleDescriptor),
            },
        },
        invocations: [invocation],
        columnKind: 'utf16CodeUnits',
        results: findings.map((f) => sarif_result(f, indexOf.get(f.ruleId))),
    };
    if (omitted > 0) {
        const text = `${omitted} of ${total} results were left out: GitHub code scanning accepts at most ${SARIF_MAX_RESULTS} per run, so the most severe were kept. The JSON report lists every finding.`;
        invocation.toolExecutionNotifications = [
            { level: 'warning', descriptor: { id: 'results-truncated' }, message: { text } },
        ];
        run.properties = { truncated: true, totalResults: total, omittedResults: omitted };
    }
    return { $schema: SARIF_SCHEMA, version: '2.1.0', runs: [run] };
}
function renderSarif(report) {
    return `${JSON.stringify(buildSarif(report), null, 2)}\n`;
}

;// CONCATENATED MODULE: ./src/report/index.ts





/** The `--format` values, in the order the CLI's help lists them. */
const FORMATS = ['text', 'json', 'sarif', 'markdown', 'github'];
function isFormat(value) {
    return FORMATS.includes(value);
}
/** One report, any format; each output ends with a newline. */
function render(format, report) {
    switch (format) {
        case 'text':
            return renderText(report);
        case 'json':
            return renderJson(report);
        case 'sarif':
            return renderSarif(report);
        case 'markdown':
            return renderMarkdown(report);
        case 'github': {
            const lines = renderWorkflowCommands(report);
            return lines.length > 0 ? `${lines.join('\n')}\n` : '';
        }
    }
}

;// CONCATENATED MODULE: ./src/config/options.ts

class OptionsError extends Error {
    name = 'OptionsError';
}
const FAIL_ON_VALUES = ['error', 'warning', 'note', 'never'];
const INDETERMINATE_VALUES = ['error', 'warning', 'note', 'ignore'];
function defaultOptions(root) {
    return {
        root,
        paths: ['.'],
        profile: 'gen004710',
        failOn: 'error',
        indeterminate: 'warning',
        include: [],
        exclude: [],
        vars: [],
        baseline: null,
        changed: null,
    };
}
/** Validates one enumerated setting; the error names the setting and the accepted values. */
function oneOf(setting, value, accepted) {
    const v = value.trim();
    if (accepted.includes(v))
        return v;
    throw new OptionsError(`${setting}: "${value}" is not one of ${accepted.join(', ')}`);
}
function parseProfile(setting, value) {
    const v = value.trim().toLowerCase();
    if (isProfileId(v))
        return v;
    throw new OptionsError(`${setting}: "${value}" is not one of ${PROFILE_IDS.join(', ')}`);
}

;// CONCATENATED MODULE: ./src/config/cli-args.ts




/** A command line that cannot be run as written; the CLI prints the message and exits 2. */
class UsageError extends OptionsError {
    name = 'UsageError';
}
const HELP_HINT = '(see relaygate --help)';
const FLAGS = {
    format: { type: 'string', accepts: listOf(FORMATS) },
    output: { type: 'string', accepts: 'a file path' },
    config: { type: 'string', accepts: 'a file path' },
    profile: { type: 'string', accepts: listOf(PROFILE_IDS) },
    'fail-on': { type: 'string', accepts: listOf(FAIL_ON_VALUES) },
    indeterminate: { type: 'string', accepts: listOf(INDETERMINATE_VALUES) },
    include: { type: 'string', multiple: true, accepts: 'a glob' },
    exclude: { type: 'string', multiple: true, accepts: 'a glob' },
    vars: { type: 'string', multiple: true, accepts: 'a file path' },
    baseline: { type: 'string', accepts: 'a file path' },
    changed: { type: 'string', accepts: 'a file path' },
    help: { type: 'boolean', short: 'h' },
    version: { type: 'boolean' },
};
function listOf(values) {
    return `one of ${values.join(', ')}`;
}
/**
 * Parses `relaygate [options] [path...]` with node:util parseArgs. Errors are
 * UsageErrors of one line that name the flag, say what it accepts and point
 * at --help. parseArgs runs non-strict so that every mistake gets our own
 * message rather than Node's; each token is then checked here.
 */
function parseCliArgs(argv) {
    const options = Object.fromEntries(Object.entries(FLAGS).map(([name, f]) => [name, f.short ? { type: f.type, short: f.short } : { type: f.type }]));
    const { tokens } = (0,external_node_util_namespaceObject.parseArgs)({ args: [...argv], options, allowPositionals: true, strict: false, tokens: true });
    const strings = new Map();
    const booleans = new Set();
    const paths = [];
    for (const token of tokens) {
        if (token.kind === 'positional') {
            paths.push(token.value);
            continue;
        }
        if (token.kind !== 'option')
            continue;
        const spec = FLAGS[token.name];
        if (!spec) {
            throw new UsageError(`unknown option ${token.rawName} ${HELP_HINT}`);
        }
        if (spec.type === 'boolean') {
            if (token.value !== undefined)
                throw new UsageError(`${token.rawName} takes no value ${HELP_HINT}`);
            booleans.add(token.name);
            continue;
        }
        // Non-strict parseArgs takes the next argument even when it is another flag
        // (`--format --help`): that is a forgotten value, not a value.
        const value = token.value;
        if (value === undefined || value === '' || (!token.inlineValue && value.startsWith('--'))) {
            throw new UsageError(`--${token.name} needs a value: ${spec.accepts} ${HELP_HINT}`);
        }
        const list = strings.get(token.name) ?? [];
        // A single-valued flag given twice: the last one wins, as in most tools.
        strings.set(token.name, spec.multiple ? [...list, value] : [value]);
    }
    const one = (name) => strings.get(name)?.[0];
    const validated = (validate) => {
        try {
            return validate();
        }
        catch (e) {
            if (e instanceof OptionsError)
                throw new UsageError(`${e.message} ${HELP_HINT}`);
            throw e;
        }
    };
    const settings = {};
    const profile = one('profile');
    if (profile !== undefined)
        settings.profile = validated(() => parseProfile('--profile', profile));
    const failOn = one('fail-on');
    if (failOn !== undefined)
        settings.failOn = validated(() => oneOf('--fail-on', failOn, FAIL_ON_VALUES));
    const indeterminate = one('indeterminate');
    if (indeterminate !== undefined) {
        settings.indeterminate = validated(() => oneOf('--indeterminate', indeterminate, INDETERMINATE_VALUES));
    }
    for (const list of ['include', 'exclude', 'vars']) {
        const values = strings.get(list);
        if (values)
            settings[list] = values;
    }
    const baseline = one('baseline');
    if (baseline !== undefined)
        settings.baseline = baseline;
    const format = one('format');
    return {
        help: booleans.has('help'),
        version: booleans.has('version'),
        format: format === undefined ? 'text' : validated(() => oneOf('--format', format, FORMATS)),
        output: one('output') ?? null,
        config: one('config') ?? null,
        changed: one('changed') ?? null,
        settings,
        paths,
    };
}

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __nccwpck_require__(8815);
;// CONCATENATED MODULE: ./src/config/file.ts



/** Looked for at the scan root when no file is named explicitly. */
const CONFIG_FILE_NAME = '.relaygate.yml';
/** Every key `.relaygate.yml` accepts, in the order error messages list them. */
const CONFIG_KEYS = ['profile', 'fail-on', 'indeterminate', 'include', 'exclude', 'vars', 'baseline'];
/**
 * Reads `.relaygate.yml`. Every problem is an OptionsError that names the
 * file, the line and column, and what would have been accepted; nothing is
 * guessed. Relative `vars` and `baseline` paths are relative to the file's own
 * directory (where a reader of the file would look for them) and come back
 * absolute; `include`/`exclude` are globs and stay as written (the scan root
 * is their base).
 *
 * @param text the file's content
 * @param shown the file's name as messages show it
 * @param file the file's absolute path
 */
function parseConfigFile(text, shown, file) {
    const lines = new dist/* LineCounter */.HN();
    // prettyErrors off: the message stays one line; the position is added below.
    const doc = (0,dist/* parseDocument */.Tp)(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
    const at = (offset) => {
        if (offset === undefined)
            return shown;
        const pos = lines.linePos(offset);
        return `${shown}:${pos.line}:${pos.col}`;
    };
    const fail = (node, message) => {
        throw new OptionsError(`${at(node?.range?.[0])}: ${message}`);
    };
    const problem = doc.errors[0];
    if (problem)
        throw new OptionsError(`${at(problem.pos[0])}: ${problem.message.split('\n')[0]}`);
    const top = doc.contents;
    if (top === null || ((0,dist/* isScalar */.jn)(top) && (top.value === null || top.value === '')))
        return {};
    if (!(0,dist/* isMap */.jh)(top))
        return fail(top, `expected a mapping of settings (${CONFIG_KEYS.join(', ')})`);
    const settings = {};
    const dir = external_node_path_default().dirname(file);
    for (const pair of top.items) {
        const keyNode = pair.key;
        const key = (0,dist/* isScalar */.jn)(keyNode) ? String(keyNode.value) : '';
        if (!CONFIG_KEYS.includes(key)) {
            fail(keyNode, `unknown key "${key}"; accepted keys: ${CONFIG_KEYS.join(', ')}`);
        }
        const setting = key;
        const value = pair.value ?? null;
        // An empty value (`baseline:`) has no text of its own: point at its key instead.
        const where = (node) => at(node && !((0,dist/* isScalar */.jn)(node) && node.value === null) ? node.range?.[0] : keyNode?.range?.[0]);
        // A string checked by a shared validator, which names the setting; the
        // position goes in front so the message points into the file.
        const enumerated = (validate) => {
            const text = scalarString(value, setting, where);
            try {
                return validate(text);
            }
            catch (e) {
                if (e instanceof OptionsError)
                    throw new OptionsError(`${where(value)}: ${e.message}`);
                throw e;
            }
        };
        switch (setting) {
            case 'profile':
                settings.profile = enumerated((text) => parseProfile(setting, text));
                break;
            case 'fail-on':
                settings.failOn = enumerated((text) => oneOf(setting, text, FAIL_ON_VALUES));
                break;
            case 'indeterminate':
                settings.indeterminate = enumerated((text) => oneOf(setting, text, INDETERMINATE_VALUES));
                break;
            case 'include':
            case 'exclude':
                settings[setting] = stringList(value, setting, where);
                break;
            case 'vars':
                settings.vars = stringList(value, setting, where).map((p) => external_node_path_default().resolve(dir, p));
                break;
            case 'baseline':
                settings.baseline = external_node_path_default().resolve(dir, scalarString(value, setting, where, 'a file path'));
                break;
        }
    }
    return settings;
}
/** A plain string value; YAML numbers or booleans are refused rather than coerced. */
function scalarString(node, key, where, what = 'a string') {
    if ((0,dist/* isScalar */.jn)(node) && typeof node.value === 'string' && node.value.trim() !== '')
        return node.value;
    throw new OptionsError(`${where(node)}: ${key} must be ${what}, not ${describe(node)}`);
}
/** One string or a list of strings (globs or file paths). */
function stringList(node, key, where) {
    if ((0,dist/* isScalar */.jn)(node) && typeof node.value === 'string' && node.value.trim() !== '')
        return [node.value];
    if ((0,dist/* isSeq */.oP)(node)) {
        return node.items.map((entry) => {
            const item = entry ?? null;
            if ((0,dist/* isScalar */.jn)(item) && typeof item.value === 'string' && item.value.trim() !== '')
                return item.value;
            throw new OptionsError(`${where(item ?? node)}: each ${key} entry must be a non-empty string, not ${describe(item)}`);
        });
    }
    throw new OptionsError(`${where(node)}: ${key} must be a string or a list of strings, not ${describe(node)}`);
}
function describe(node) {
    if (node === null || node === undefined)
        return 'an empty value';
    if ((0,dist/* isMap */.jh)(node))
        return 'a mapping';
    if ((0,dist/* isSeq */.oP)(node))
        return 'a list';
    if ((0,dist/* isScalar */.jn)(node)) {
        const v = node.value;
        if (v === null)
            return 'an empty value';
        if (typeof v === 'string')
            return 'an empty string';
        return `${typeof v} ${JSON.stringify(v)}`;
    }
    return 'an unsupported value';
}

;// CONCATENATED MODULE: ./src/config/load.ts




/**
 * Builds the one Options value from its three layers: built-in defaults,
 * then the configuration file, then flags or inputs. A file the user named
 * must exist; the default file is optional.
 */
async function loadOptions(request) {
    const { file, text } = await readConfig(request);
    const fromFile = text === null || file === null ? {} : parseConfigFile(text, shownPath(request.cwd, file), file);
    const options = {
        ...defaultOptions(request.root),
        ...definedOnly(fromFile),
        ...definedOnly(request.overrides),
        root: request.root,
        paths: request.paths,
        changed: request.changed,
    };
    return { options, configFile: text === null ? null : file };
}
async function readConfig(request) {
    const file = request.config?.file ?? external_node_path_default().join(request.root, CONFIG_FILE_NAME);
    try {
        return { file, text: await (0,promises_namespaceObject.readFile)(file, 'utf8') };
    }
    catch (e) {
        const code = e.code;
        if (request.config === null && code === 'ENOENT')
            return { file: null, text: null };
        const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : e.message;
        const setting = request.config?.setting ?? 'configuration file';
        throw new OptionsError(`${setting}: cannot read ${shownPath(request.cwd, file)}: ${why}`);
    }
}
/** A path as the user would type it: relative to their directory when inside it. */
function shownPath(cwd, file) {
    const rel = external_node_path_default().relative(cwd, file);
    return rel === '' || rel.startsWith('..') || external_node_path_default().isAbsolute(rel) ? file : rel.split((external_node_path_default()).sep).join('/');
}
/** `{...a, ...b}` lets an explicit `undefined` in b erase a's value; drop those keys first. */
function definedOnly(settings) {
    return Object.fromEntries(Object.entries(settings).filter(([, v]) => v !== undefined));
}

;// CONCATENATED MODULE: ./node_modules/balanced-match/dist/esm/index.js
const balanced = (a, b, str) => {
    const ma = a instanceof RegExp ? maybeMatch(a, str) : a;
    const mb = b instanceof RegExp ? maybeMatch(b, str) : b;
    const r = ma !== null && mb != null && range(ma, mb, str);
    return (r && {
        start: r[0],
        end: r[1],
        pre: str.slice(0, r[0]),
        body: str.slice(r[0] + ma.length, r[1]),
        post: str.slice(r[1] + mb.length),
    });
};
const maybeMatch = (reg, str) => {
    const m = str.match(reg);
    return m ? m[0] : null;
};
const range = (a, b, str) => {
    let begs, beg, left, right = undefined, result;
    let ai = str.indexOf(a);
    let bi = str.indexOf(b, ai + 1);
    let i = ai;
    if (ai >= 0 && bi > 0) {
        if (a === b) {
            return [ai, bi];
        }
        begs = [];
        left = str.length;
        while (i >= 0 && !result) {
            if (i === ai) {
                begs.push(i);
                ai = str.indexOf(a, i + 1);
            }
            else if (begs.length === 1) {
                const r = begs.pop();
                if (r !== undefined)
                    result = [r, bi];
            }
            else {
                beg = begs.pop();
                if (beg !== undefined && beg < left) {
                    left = beg;
                    right = bi;
                }
                bi = str.indexOf(b, i + 1);
            }
            i = ai < bi && ai >= 0 ? ai : bi;
        }
        if (begs.length && right !== undefined) {
            result = [left, right];
        }
    }
    return result;
};
//# sourceMappingURL=index.js.map
;// CONCATENATED MODULE: ./node_modules/brace-expansion/dist/esm/index.js

const escSlash = '\0SLASH' + Math.random().toFixed(16) + '\0';
const escOpen = '\0OPEN' + Math.random().toFixed(16) + '\0';
const escClose = '\0CLOSE' + Math.random().toFixed(16) + '\0';
const escComma = '\0COMMA' + Math.random().toFixed(16) + '\0';
const escPeriod = '\0PERIOD' + Math.random().toFixed(16) + '\0';
const escSlashPattern = new RegExp(escSlash, 'g');
const escOpenPattern = new RegExp(escOpen, 'g');
const escClosePattern = new RegExp(escClose, 'g');
const escCommaPattern = new RegExp(escComma, 'g');
const escPeriodPattern = new RegExp(escPeriod, 'g');
const slashPattern = /\\\\/g;
const openPattern = /\\{/g;
const closePattern = /\\}/g;
const commaPattern = /\\,/g;
const periodPattern = /\\\./g;
const EXPANSION_MAX = 100_000;
// `EXPANSION_MAX` caps the *number* of expansions, but not their length. An
// input like `'{a,b}'.repeat(1500)` stays under that count - its output is
// truncated to 100k results - while making every result ~1500 characters
// long. The result set, and the intermediate arrays built while combining
// brace sets, then grow large enough to exhaust memory and crash the process
// (CVE-2026-14257). `EXPANSION_MAX_LENGTH` bounds the total number of
// characters the accumulator may hold at any point, so memory stays flat no
// matter how many brace groups are chained. The limit sits well above any
// realistic expansion (100k results hitting `EXPANSION_MAX` measure ~1M
// characters) so legitimate input is unaffected.
const EXPANSION_MAX_LENGTH = 4_000_000;
// `expand_` recurses once per level of brace *nesting* - both when expanding a
// set's comma members and when re-wrapping a set whose body is a single part.
// The CVE-2026-14257 fix made the *tail* iterative (recursion on `m.post`, one
// level per chained group), which left nesting depth unbounded: about 3,100
// levels of `{{{...a,b...}}}` - only ~6KB of input - exhausted the native stack
// and crashed the process. `EXPANSION_MAX_DEPTH` bounds how deep the parser
// will follow nesting. It sits far above any realistic pattern and well below
// the depth at which the stack runs out.
const EXPANSION_MAX_DEPTH = 1_000;
// Bash keeps a quirk where a brace group followed by a comma set still expands
// (`{a},b}`). The parser implements it by rewriting the string and restarting
// the scan, absorbing one `}` per pass. `n` trailing braces therefore cost `n`
// full passes over a string that itself grows by one `escClose` sentinel each
// time - quadratic in `n`, with a ~26x constant from the sentinel's length.
// 128KB of `'{a}' + '}'.repeat(n) + ',z}'` blocked the event loop for 27
// seconds to produce two results. `EXPANSION_MAX_REWRITES` bounds how many
// times the scan may restart. Real `{a},b}` input needs a handful.
const EXPANSION_MAX_REWRITES = 1_000;
// `EXPANSION_MAX_STEPS` bounds the work one `expand` call does, which `max`,
// `maxLength` and `maxDepth` don't: nested sets are rescanned at every level
// and chained groups each rebuild up to `max` results, so 2KB of input could
// block the event loop for over 30 seconds. Each character scanned, result
// built and sequence value generated is a step, and each `expand_` call costs
// `CALL_STEPS` more. Past the budget, the set being expanded and everything
// after it stay literal. A glob needs a few hundred steps, and nesting all the
// way to `EXPANSION_MAX_DEPTH` about 4M.
const EXPANSION_MAX_STEPS = 20_000_000;
// What one `expand_` call costs on top of what it scans and builds. Setting
// one up takes about as long as scanning 16 characters, and a set whose
// results are wrapped to be expanded again makes one call per result, each
// scanning and building next to nothing: 64KB of
// `('{{' + ','.repeat(316) + '}{' + ','.repeat(316) + '}}').repeat(n)` made
// 4M such calls, which spent the budget three times as slowly as anything
// else.
const CALL_STEPS = 16;
function numeric(str) {
    return !isNaN(str) ? parseInt(str, 10) : str.charCodeAt(0);
}
function escapeBraces(str) {
    return str
        .replace(slashPattern, escSlash)
        .replace(openPattern, escOpen)
        .replace(closePattern, escClose)
        .replace(commaPattern, escComma)
        .replace(periodPattern, escPeriod);
}
function unescapeBraces(str) {
    return str
        .replace(escSlashPattern, '\\')
        .replace(escOpenPattern, '{')
        .replace(escClosePattern, '}')
        .replace(escCommaPattern, ',')
        .replace(escPeriodPattern, '.');
}
// Like `target.push(...items)` but doesn't overflow the stack
function pushAll(target, items) {
    for (let i = 0; i < items.length; i++) {
        target.push(items[i]);
    }
}
// `balanced`, run on `masked` (see `maskUnmatchedOpens`), sliced from `str`
// and charged for the characters it walks: up to the group's `}`, or the
// whole string when there is no match or unmatched `{` come first, which
// `unmatched` then flags for masking. Once a call overdraws the budget, it
// and every later one return undefined, so the rest stays literal.
function balancedWithBudget(str, masked, budget) {
    if (budget.remaining < 0) {
        return undefined;
    }
    const r = range('{', '}', masked);
    const unmatched = r !== undefined && masked.indexOf('{') < r[0];
    budget.remaining -= r && !unmatched ? r[1] + 1 : str.length;
    if (!r || budget.remaining < 0) {
        return undefined;
    }
    return {
        end: r[1],
        pre: str.slice(0, r[0]),
        body: str.slice(r[0] + 1, r[1]),
        post: str.slice(r[1] + 1),
        unmatched,
    };
}
// `masked` with every `{` that has no matching `}` swapped for a `\0`, which
// keeps the length, so a scan of it still lines up with the string it was
// made from. Such a `{` is literal either way, but `balanced` only learns that
// one is unmatched by reading to the end of the string, so with one at the
// head of every group (`'{a,{b,c}'.repeat(n)`) each scan read the rest of the
// input. That was quadratic, and once the step budget charged for it, it ran
// out partway through and left the rest literal. A scan of the masked copy
// stops at the group's `}`. It is one pass, charged as such.
function maskUnmatchedOpens(masked, budget) {
    budget.remaining -= masked.length;
    const open = [];
    for (let i = 0; i < masked.length; i++) {
        const c = masked.charCodeAt(i);
        if (c === 0x7b) {
            open.push(i);
        }
        else if (c === 0x7d && open.length) {
            open.pop();
        }
    }
    let out = '';
    let last = 0;
    for (let i = 0; i < open.length; i++) {
        const at = open[i];
        out += masked.slice(last, at) + '\0';
        last = at + 1;
    }
    return out + masked.slice(last);
}
// Whether `str` has a `,` not followed by another `,`, with a `}` after it on
// the same line - what `/,(?!,).*\}/.test(str)` asks, answered in one pass from
// the end. The regex tries every `,` and backtracks through the rest of its
// line from each, which is quadratic, and the `{a},b}` rewrite asks again on
// every pass. Like a scan, it is charged for the whole string and refused if
// that overdraws the budget.
function commaSetFollows(str, budget) {
    budget.remaining -= str.length;
    if (budget.remaining < 0) {
        return false;
    }
    // Whether a `}` follows the current position before the line ends
    let close = false;
    for (let i = str.length - 1; i >= 0; i--) {
        const c = str.charCodeAt(i);
        if (c === 0x7d) {
            close = true;
        }
        else if (c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029) {
            // A line terminator, which `.` does not match
            close = false;
        }
        else if (c === 0x2c && close && str.charCodeAt(i + 1) !== 0x2c) {
            return true;
        }
    }
    return false;
}
/**
 * Basically just str.split(","), but handling cases
 * where we have nested braced sections, which should be
 * treated as individual members, like {a,{b,c},d}
 *
 * Returns `undefined` if the step budget runs out before the whole set is
 * split, since splitting what is left on every comma would tear apart the
 * nested sets it still holds.
 */
function parseCommaParts(str, budget) {
    const parts = [];
    // Walk the brace groups iteratively. Recursing on `post` once per group let a
    // chain of them exhaust the stack - the parsing-side counterpart to
    // the `expand_` overflow fixed for CVE-2026-14257, and not something `max` or
    // `maxLength` can bound, since it happens before expansion.
    //
    // The part the next chunk continues
    let carry = '';
    for (;;) {
        // A set's body holds no unmatched `{`, so there is nothing to mask.
        const m = balancedWithBudget(str, str, budget);
        if (budget.remaining < 0) {
            return undefined;
        }
        if (!m) {
            const tail = str.split(',');
            tail[0] = carry + tail[0];
            pushAll(parts, tail);
            return parts;
        }
        const { pre, body, post } = m;
        const p = pre.split(',');
        p[0] = carry + p[0];
        p[p.length - 1] += '{' + body + '}';
        if (!post.length) {
            pushAll(parts, p);
            return parts;
        }
        carry = p.pop();
        pushAll(parts, p);
        str = post;
    }
}
// An option that is left out, or that is NaN, gets its default. Every
// comparison against NaN is false, so a NaN bound would never be reached:
// `{ maxSteps: NaN }` let 15KB of input block the event loop for 16 seconds,
// and `{ maxDepth: NaN }` overflowed the stack again (CVE-2026-102278). Pass
// `Infinity` to lift a bound.
function bound(value, fallback) {
    return value === undefined || isNaN(value) ? fallback : value;
}
function expand(str, options = {}) {
    if (!str) {
        return [];
    }
    const max = bound(options.max, EXPANSION_MAX);
    const maxLength = bound(options.maxLength, EXPANSION_MAX_LENGTH);
    const maxDepth = bound(options.maxDepth, EXPANSION_MAX_DEPTH);
    const maxRewrites = bound(options.maxRewrites, EXPANSION_MAX_REWRITES);
    const maxSteps = bound(options.maxSteps, EXPANSION_MAX_STEPS);
    // I don't know why Bash 4.3 does this, but it does.
    // Anything starting with {} will have the first two bytes preserved
    // but *only* at the top level, so {},a}b will not expand to anything,
    // but a{},b}c will be expanded to [a}c,abc].
    // One could argue that this is a bug in Bash, but since the goal of
    // this module is to match Bash's rules, we escape a leading {}
    if (str.slice(0, 2) === '{}') {
        str = '\\{\\}' + str.slice(2);
    }
    return expand_(escapeBraces(str), max, maxLength, maxDepth, 0, maxRewrites, { remaining: maxSteps }, true).map(unescapeBraces);
}
function embrace(str) {
    return '{' + str + '}';
}
function isPadded(el) {
    return /^-?0\d/.test(el);
}
function lte(i, y) {
    return i <= y;
}
function gte(i, y) {
    return i >= y;
}
// Build `{ acc[a] + pre + values[v] }` for every combination, capping the
// number of results at `max` and the total number of characters at `maxLength`.
// This is the one place output grows, so bounding it here keeps the single
// accumulator - and therefore memory - flat regardless of how many brace groups
// are combined (CVE-2026-14257). Each result built is a step, since `max` and
// `maxLength` bound one combination, not how many brace groups are combined.
function combine(acc, pre, values, max, maxLength, dropEmpties, budget) {
    const out = [];
    let length = 0;
    // Bash drops empty results at the top level, and they don't count against
    // `max`, so `max` bounds the number of *kept* results. Only an empty
    // `acc[a] + pre` can make one, so for those the empty values are skipped
    // without being visited. Visiting them one at a time let a set of empties
    // cost `acc.length * values.length` while keeping nothing.
    let nonEmpty;
    outer: for (let a = 0; a < acc.length; a++) {
        const prefix = acc[a] + pre;
        let vs = values;
        if (dropEmpties && !prefix) {
            if (!nonEmpty)
                nonEmpty = values.filter(v => v);
            vs = nonEmpty;
        }
        for (let v = 0; v < vs.length; v++) {
            if (out.length >= max)
                break outer;
            const expansion = prefix + vs[v];
            if (length + expansion.length > maxLength)
                break outer;
            out.push(expansion);
            length += expansion.length;
        }
    }
    budget.remaining -= out.length;
    return out;
}
// The expansion values of a single numeric (`1..5`) or alphabetic (`a..e..2`)
// sequence body, or `undefined` if the step budget runs out generating them.
function expandSequence(body, isAlphaSequence, max, maxLength, budget) {
    const n = body.split(/\.\./);
    const N = [];
    // A sequence body always splits into two or three parts, but the compiler
    // can't know that.
    /* c8 ignore start */
    if (n[0] === undefined || n[1] === undefined) {
        return N;
    }
    /* c8 ignore stop */
    const x = numeric(n[0]);
    const y = numeric(n[1]);
    const width = Math.max(n[0].length, n[1].length);
    let incr = n.length === 3 && n[2] !== undefined ?
        Math.max(Math.abs(numeric(n[2])), 1)
        : 1;
    let test = lte;
    const reverse = y < x;
    if (reverse) {
        incr *= -1;
        test = gte;
    }
    const pad = n.some(isPadded);
    // A padded value is built a character at a time to `width`, which the input
    // sets, so it costs one step per character: 64KB of
    // `('{' + '0'.repeat(100) + '..99999}').repeat(n)` took 7 seconds charged
    // one step per value.
    const cost = pad ? width : 1;
    let length = 0;
    for (let i = x; test(i, y) && N.length < max; i += incr) {
        // Each value is a step. `max` and `maxLength` bound one sequence, but a
        // chain of them still generated up to `max` values each, however few
        // combining could keep.
        budget.remaining -= cost;
        if (budget.remaining < 0) {
            return undefined;
        }
        let c;
        if (isAlphaSequence) {
            c = String.fromCharCode(i);
            if (c === '\\') {
                c = '';
            }
        }
        else {
            c = String(i);
            if (pad) {
                const need = width - c.length;
                if (need > 0) {
                    const z = new Array(need + 1).join('0');
                    if (i < 0) {
                        c = '-' + z + c.slice(1);
                    }
                    else {
                        c = z + c;
                    }
                }
            }
        }
        if (length + c.length > maxLength)
            break;
        N.push(c);
        length += c.length;
    }
    return N;
}
function expand_(str, max, maxLength, maxDepth, depth, maxRewrites, budget, isTop) {
    // An overdraft here makes the first scan refuse, so `str` stays literal.
    budget.remaining -= CALL_STEPS;
    // Too deeply nested to keep following: treat the rest as literal, the same
    // way a group that cannot expand is already handled. Truncating rather than
    // throwing keeps `expand` total, matching `max` and `maxLength`.
    if (depth > maxDepth) {
        return [str];
    }
    // Consume the string's top-level brace groups left to right, threading a
    // running set of combined prefixes (`acc`). Expanding the tail iteratively -
    // rather than recursing on `m.post` once per group - keeps the native stack
    // depth constant, so deeply chained input (`'{a,b}'.repeat(3000)`) can no
    // longer overflow the stack, and leaves a single accumulator whose size
    // `maxLength` bounds directly (CVE-2026-14257).
    let acc = [''];
    // Bash drops empty results, but only when the *first* top-level group is a
    // comma set - a sequence like `{a..\}` may legitimately yield ''. The drop
    // is on the final strings, so it is applied to whichever `combine` produces
    // them (the one with no brace set left in the tail).
    // How many times the `{a},b}` rewrite below has restarted the scan. Each pass
    // re-reads the whole string, so leaving this unbounded is quadratic.
    let rewrites = 0;
    let dropEmpties = false;
    let firstGroup = true;
    // `str` with its unmatched `{` masked, once a scan has run into them
    let masked = str;
    for (;;) {
        const m = balancedWithBudget(str, masked, budget);
        // No brace set left, or no step budget left to look for one: the rest of
        // the string is literal.
        if (!m) {
            return combine(acc, str, [''], max, maxLength, dropEmpties, budget);
        }
        if (m.unmatched) {
            masked = maskUnmatchedOpens(masked, budget);
        }
        // no need to expand pre, since it is guaranteed to be free of brace-sets
        const pre = m.pre;
        // This set and the rest of the string, literal: for a set that cannot
        // expand, and for one the step budget runs out on. Once it is overdrawn,
        // every set still being expanded, at every level, stays literal like this -
        // otherwise each level above would go on combining, and wrapping and
        // expanding again, results the budget was too small for.
        const literal = () => combine(acc, pre + '{' + m.body + '}' + m.post, [''], max, maxLength, dropEmpties, budget);
        if (/\$$/.test(pre)) {
            acc = combine(acc, pre + '{' + m.body + '}', [''], max, maxLength, dropEmpties && !m.post.length, budget);
            firstGroup = false;
            if (!m.post.length)
                break;
            str = m.post;
            masked = masked.slice(m.end + 1);
            continue;
        }
        const isNumericSequence = /^-?\d+\.\.-?\d+(?:\.\.-?\d+)?$/.test(m.body);
        const isAlphaSequence = /^[a-zA-Z]\.\.[a-zA-Z](?:\.\.-?\d+)?$/.test(m.body);
        const isSequence = isNumericSequence || isAlphaSequence;
        const isOptions = m.body.indexOf(',') >= 0;
        if (!isSequence && !isOptions) {
            // {a},b}
            if (rewrites < maxRewrites && commaSetFollows(m.post, budget)) {
                rewrites++;
                str = m.pre + '{' + m.body + escClose + m.post;
                // Taking a `}` away never gives an unmatched `{` a partner, so what
                // is masked stays unmatched. The `{` it closed can be left without
                // one, and the next scan masks it.
                masked =
                    masked.slice(0, m.end) + escClose + masked.slice(m.end + 1);
                isTop = true;
                continue;
            }
            // Nothing here expands, so the whole remaining string is literal.
            return literal();
        }
        if (firstGroup) {
            dropEmpties = isTop && !isSequence;
            firstGroup = false;
        }
        let values;
        if (isSequence) {
            values = expandSequence(m.body, isAlphaSequence, max, maxLength, budget);
            if (!values) {
                return literal();
            }
        }
        else {
            let n = parseCommaParts(m.body, budget);
            // The step budget ran out partway through the set.
            if (!n) {
                return literal();
            }
            if (n.length === 1 && n[0] !== undefined) {
                // x{{a,b}}y ==> x{a}y x{b}y
                n = expand_(n[0], max, maxLength, maxDepth, depth + 1, maxRewrites, budget, false).map(embrace);
                // The step budget ran out expanding the set's only part.
                if (budget.remaining < 0) {
                    return literal();
                }
                //XXX is this necessary? Can't seem to hit it in tests.
                /* c8 ignore start */
                if (n.length === 1) {
                    const next = combine(acc, pre + n[0], [''], max, maxLength, dropEmpties && !m.post.length, budget);
                    if (budget.remaining < 0) {
                        return literal();
                    }
                    acc = next;
                    if (!m.post.length)
                        break;
                    str = m.post;
                    masked = masked.slice(m.end + 1);
                    continue;
                }
                /* c8 ignore stop */
            }
            // Values that `combine` is going to drop as empty produce no result, so
            // they must not count against `max` - otherwise `{a,,b}` with `max: 2`
            // would stop at `['a', '']` and yield one result instead of two. Skipping
            // them outright keeps `values` bounded while leaving `max` a bound on
            // *kept* results.
            let dropsEmpties = dropEmpties && !m.post.length && !pre;
            for (let d = 0; dropsEmpties && d < acc.length; d++) {
                if (acc[d]) {
                    dropsEmpties = false;
                }
            }
            values = [];
            let valuesLength = 0;
            outer: for (let j = 0; j < n.length; j++) {
                const expanded = expand_(n[j], max, maxLength, maxDepth, depth + 1, maxRewrites, budget, false);
                // The step budget ran out expanding a member.
                if (budget.remaining < 0) {
                    return literal();
                }
                for (let k = 0; k < expanded.length; k++) {
                    const v = expanded[k];
                    if (dropsEmpties && !v)
                        continue;
                    if (values.length >= max ||
                        valuesLength + v.length > maxLength) {
                        break outer;
                    }
                    values.push(v);
                    valuesLength += v.length;
                }
            }
        }
        const next = combine(acc, pre, values, max, maxLength, dropEmpties && !m.post.length, budget);
        // The step budget ran out combining the set's values in.
        if (budget.remaining < 0) {
            return literal();
        }
        acc = next;
        if (!m.post.length)
            break;
        str = m.post;
        masked = masked.slice(m.end + 1);
    }
    return acc;
}

//# sourceMappingURL=index.js.map
;// CONCATENATED MODULE: ./node_modules/minimatch/dist/esm/assert-valid-pattern.js
const MAX_PATTERN_LENGTH = 1024 * 64;
const assertValidPattern = (pattern) => {
    if (typeof pattern !== 'string') {
        throw new TypeError('invalid pattern');
    }
    if (pattern.length > MAX_PATTERN_LENGTH) {
        throw new TypeError('pattern is too long');
    }
};
//# sourceMappingURL=assert-valid-pattern.js.map
;// CONCATENATED MODULE: ./node_modules/minimatch/dist/esm/brace-expressions.js
// translate the various posix character classes into unicode properties
// this works across all unicode locales
// { <posix class>: [<translation>, /u flag required, negated]
const posixClasses = {
    '[:alnum:]': ['\\p{L}\\p{Nl}\\p{Nd}', true],
    '[:alpha:]': ['\\p{L}\\p{Nl}', true],
    '[:ascii:]': ['\\x' + '00-\\x' + '7f', false],
    '[:blank:]': ['\\p{Zs}\\t', true],
    '[:cntrl:]': ['\\p{Cc}', true],
    '[:digit:]': ['\\p{Nd}', true],
    '[:graph:]': ['\\p{Z}\\p{C}', true, true],
    '[:lower:]': ['\\p{Ll}', true],
    '[:print:]': ['\\p{C}', true],
    '[:punct:]': ['\\p{P}', true],
    '[:space:]': ['\\p{Z}\\t\\r\\n\\v\\f', true],
    '[:upper:]': ['\\p{Lu}', true],
    '[:word:]': ['\\p{L}\\p{Nl}\\p{Nd}\\p{Pc}', true],
    '[:xdigit:]': ['A-Fa-f0-9', false],
};
// only need to escape a few things inside of brace expressions
// escapes: [ \ ] -
const braceEscape = (s) => s.replace(/[[\]\\-]/g, '\\$&');
// escape all regexp magic characters
const regexpEscape = (s) => s.replace(/[-[\]{}()*+?.,\\^$|#\s]/g, '\\$&');
// everything has already been escaped, we just have to join
const rangesToString = (ranges) => ranges.join('');
// takes a glob string at a posix brace expression, and returns
// an equivalent regular expression source, and boolean indicating
// whether the /u flag needs to be applied, and the number of chars
// consumed to parse the character class.
// This also removes out of order ranges, and returns ($.) if the
// entire class just no good.
const parseClass = (glob, position) => {
    const pos = position;
    /* c8 ignore start */
    if (glob.charAt(pos) !== '[') {
        throw new Error('not in a brace expression');
    }
    /* c8 ignore stop */
    const ranges = [];
    const negs = [];
    let i = pos + 1;
    let sawStart = false;
    let uflag = false;
    let escaping = false;
    let negate = false;
    let endPos = pos;
    let rangeStart = '';
    WHILE: while (i < glob.length) {
        const c = glob.charAt(i);
        if ((c === '!' || c === '^') && i === pos + 1) {
            negate = true;
            i++;
            continue;
        }
        if (c === ']' && sawStart && !escaping) {
            endPos = i + 1;
            break;
        }
        sawStart = true;
        if (c === '\\') {
            if (!escaping) {
                escaping = true;
                i++;
                continue;
            }
            // escaped \ char, fall through and treat like normal char
        }
        if (c === '[' && !escaping) {
            // either a posix class, a collation equivalent, or just a [
            for (const [cls, [unip, u, neg]] of Object.entries(posixClasses)) {
                if (glob.startsWith(cls, i)) {
                    // invalid, [a-[] is fine, but not [a-[:alpha]]
                    if (rangeStart) {
                        return ['$.', false, glob.length - pos, true];
                    }
                    i += cls.length;
                    if (neg)
                        negs.push(unip);
                    else
                        ranges.push(unip);
                    uflag = uflag || u;
                    continue WHILE;
                }
            }
        }
        // now it's just a normal character, effectively
        escaping = false;
        if (rangeStart) {
            // throw this range away if it's not valid, but others
            // can still match.
            if (c > rangeStart) {
                ranges.push(braceEscape(rangeStart) + '-' + braceEscape(c));
            }
            else if (c === rangeStart) {
                ranges.push(braceEscape(c));
            }
            rangeStart = '';
            i++;
            continue;
        }
        // now might be the start of a range.
        // can be either c-d or c-] or c<more...>] or c] at this point
        if (glob.startsWith('-]', i + 1)) {
            ranges.push(braceEscape(c + '-'));
            i += 2;
            continue;
        }
        if (glob.startsWith('-', i + 1)) {
            rangeStart = c;
            i += 2;
            continue;
        }
        // not the start of a range, just a single character
        ranges.push(braceEscape(c));
        i++;
    }
    if (endPos < i) {
        // didn't see the end of the class, not a valid class,
        // but might still be valid as a literal match.
        return ['', false, 0, false];
    }
    // if we got no ranges and no negates, then we have a range that
    // cannot possibly match anything, and that poisons the whole glob
    if (!ranges.length && !negs.length) {
        return ['$.', false, glob.length - pos, true];
    }
    // if we got one positive range, and it's a single character, then that's
    // not actually a magic pattern, it's just that one literal character.
    // we should not treat that as "magic", we should just return the literal
    // character. [_] is a perfectly valid way to escape glob magic chars.
    if (negs.length === 0 &&
        ranges.length === 1 &&
        /^\\?.$/.test(ranges[0]) &&
        !negate) {
        const r = ranges[0].length === 2 ? ranges[0].slice(-1) : ranges[0];
        return [regexpEscape(r), false, endPos - pos, false];
    }
    const sranges = '[' + (negate ? '^' : '') + rangesToString(ranges) + ']';
    const snegs = '[' + (negate ? '' : '^') + rangesToString(negs) + ']';
    const comb = ranges.length && negs.length ? '(' + sranges + '|' + snegs + ')'
        : ranges.length ? sranges
            : snegs;
    return [comb, uflag, endPos - pos, true];
};
//# sourceMappingURL=brace-expressions.js.map
;// CONCATENATED MODULE: ./node_modules/minimatch/dist/esm/unescape.js
/**
 * Un-escape a string that has been escaped with {@link escape}.
 *
 * If the {@link MinimatchOptions.windowsPathsNoEscape} option is used, then
 * square-bracket escapes are removed, but not backslash escapes.
 *
 * For example, it will turn the string `'[*]'` into `*`, but it will not
 * turn `'\\*'` into `'*'`, because `\` is a path separator in
 * `windowsPathsNoEscape` mode.
 *
 * When `windowsPathsNoEscape` is not set, then both square-bracket escapes and
 * backslash escapes are removed.
 *
 * Slashes (and backslashes in `windowsPathsNoEscape` mode) cannot be escaped
 * or unescaped.
 *
 * When `magicalBraces` is not set, escapes of braces (`{` and `}`) will not be
 * unescaped.
 */
const unescape_unescape = (s, { windowsPathsNoEscape = false, magicalBraces = true, } = {}) => {
    if (magicalBraces) {
        return windowsPathsNoEscape ?
            s.replace(/\[([^/\\])\]/g, '$1')
            : s
                .replace(/((?!\\).|^)\[([^/\\])\]/g, '$1$2')
                .replace(/\\([^/])/g, '$1');
    }
    return windowsPathsNoEscape ?
        s.replace(/\[([^/\\{}])\]/g, '$1')
        : s
            .replace(/((?!\\).|^)\[([^/\\{}])\]/g, '$1$2')
            .replace(/\\([^/{}])/g, '$1');
};
//# sourceMappingURL=unescape.js.map
;// CONCATENATED MODULE: ./node_modules/minimatch/dist/esm/ast.js
// parse a single path portion
var _a;


const types = new Set(['!', '?', '+', '*', '@']);
const isExtglobType = (c) => types.has(c);
const isExtglobAST = (c) => isExtglobType(c.type);
// Map of which extglob types can adopt the children of a nested extglob
//
// anything but ! can adopt a matching type:
// +(a|+(b|c)|d) => +(a|b|c|d)
// *(a|*(b|c)|d) => *(a|b|c|d)
// @(a|@(b|c)|d) => @(a|b|c|d)
// ?(a|?(b|c)|d) => ?(a|b|c|d)
//
// * can adopt anything, because 0 or repetition is allowed
// *(a|?(b|c)|d) => *(a|b|c|d)
// *(a|+(b|c)|d) => *(a|b|c|d)
// *(a|@(b|c)|d) => *(a|b|c|d)
//
// + can adopt @, because 1 or repetition is allowed
// +(a|@(b|c)|d) => +(a|b|c|d)
//
// + and @ CANNOT adopt *, because 0 would be allowed
// +(a|*(b|c)|d) => would match "", on *(b|c)
// @(a|*(b|c)|d) => would match "", on *(b|c)
//
// + and @ CANNOT adopt ?, because 0 would be allowed
// +(a|?(b|c)|d) => would match "", on ?(b|c)
// @(a|?(b|c)|d) => would match "", on ?(b|c)
//
// ? can adopt @, because 0 or 1 is allowed
// ?(a|@(b|c)|d) => ?(a|b|c|d)
//
// ? and @ CANNOT adopt * or +, because >1 would be allowed
// ?(a|*(b|c)|d) => would match bbb on *(b|c)
// @(a|*(b|c)|d) => would match bbb on *(b|c)
// ?(a|+(b|c)|d) => would match bbb on +(b|c)
// @(a|+(b|c)|d) => would match bbb on +(b|c)
//
// ! CANNOT adopt ! (nothing else can either)
// !(a|!(b|c)|d) => !(a|b|c|d) would fail to match on b (not not b|c)
//
// ! can adopt @
// !(a|@(b|c)|d) => !(a|b|c|d)
//
// ! CANNOT adopt *
// !(a|*(b|c)|d) => !(a|b|c|d) would match on bbb, not allowed
//
// ! CANNOT adopt +
// !(a|+(b|c)|d) => !(a|b|c|d) would match on bbb, not allowed
//
// ! CANNOT adopt ?
// x!(a|?(b|c)|d) => x!(a|b|c|d) would fail to match "x"
const adoptionMap = new Map([
    ['!', ['@']],
    ['?', ['?', '@']],
    ['@', ['@']],
    ['*', ['*', '+', '?', '@']],
    ['+', ['+', '@']],
]);
// nested extglobs that can be adopted in, but with the addition of
// a blank '' element.
const adoptionWithSpaceMap = new Map([
    ['!', ['?']],
    ['@', ['?']],
    ['+', ['?', '*']],
]);
// union of the previous two maps
const adoptionAnyMap = new Map([
    ['!', ['?', '@']],
    ['?', ['?', '@']],
    ['@', ['?', '@']],
    ['*', ['*', '+', '?', '@']],
    ['+', ['+', '@', '?', '*']],
]);
// Extglobs that can take over their parent if they are the only child
// the key is parent, value maps child to resulting extglob parent type
// '@' is omitted because it's a special case. An `@` extglob with a single
// member can always be usurped by that subpattern.
const usurpMap = new Map([
    ['!', new Map([['!', '@']])],
    [
        '?',
        new Map([
            ['*', '*'],
            ['+', '*'],
        ]),
    ],
    [
        '@',
        new Map([
            ['!', '!'],
            ['?', '?'],
            ['@', '@'],
            ['*', '*'],
            ['+', '+'],
        ]),
    ],
    [
        '+',
        new Map([
            ['?', '*'],
            ['*', '*'],
        ]),
    ],
]);
// Patterns that get prepended to bind to the start of either the
// entire string, or just a single path portion, to prevent dots
// and/or traversal patterns, when needed.
// Exts don't need the ^ or / bit, because the root binds that already.
const startNoTraversal = '(?!(?:^|/)\\.\\.?(?:$|/))';
const startNoDot = '(?!\\.)';
// characters that indicate a start of pattern needs the "no dots" bit,
// because a dot *might* be matched. ( is not in the list, because in
// the case of a child extglob, it will handle the prevention itself.
const addPatternStart = new Set(['[', '.']);
// cases where traversal is A-OK, no dot prevention needed
const justDots = new Set(['..', '.']);
const reSpecials = new Set('().*{}+?[]^$\\!');
const regExpEscape = (s) => s.replace(/[-[\]{}()*+?.,\\^$|#\s]/g, '\\$&');
// any single thing other than /
const qmark = '[^/]';
// * => any number of characters
const star = qmark + '*?';
// use + when we need to ensure that *something* matches, because the * is
// the only thing in the path portion.
const starNoEmpty = qmark + '+?';
// remove the \ chars that we added if we end up doing a nonmagic compare
// const deslash = (s: string) => s.replace(/\\(.)/g, '$1')
let ID = 0;
class AST {
    type;
    #root;
    #hasMagic;
    #uflag = false;
    #parts = [];
    #parent;
    #parentIndex;
    #negs;
    #filledNegs = false;
    #options;
    #toString;
    // set to true if it's an extglob with no children
    // (which really means one child of '')
    #emptyExt = false;
    id = ++ID;
    get depth() {
        return (this.#parent?.depth ?? -1) + 1;
    }
    [Symbol.for('nodejs.util.inspect.custom')]() {
        return {
            '@@type': 'AST',
            id: this.id,
            type: this.type,
            root: this.#root.id,
            parent: this.#parent?.id,
            depth: this.depth,
            partsLength: this.#parts.length,
            parts: this.#parts,
        };
    }
    constructor(type, parent, options = {}) {
        this.type = type;
        // extglobs are inherently magical
        if (type)
            this.#hasMagic = true;
        this.#parent = parent;
        this.#root = this.#parent ? this.#parent.#root : this;
        this.#options = this.#root === this ? options : this.#root.#options;
        this.#negs = this.#root === this ? [] : this.#root.#negs;
        if (type === '!' && !this.#root.#filledNegs)
            this.#negs.push(this);
        this.#parentIndex = this.#parent ? this.#parent.#parts.length : 0;
    }
    get hasMagic() {
        /* c8 ignore start */
        if (this.#hasMagic !== undefined)
            return this.#hasMagic;
        /* c8 ignore stop */
        for (const p of this.#parts) {
            if (typeof p === 'string')
                continue;
            if (p.type || p.hasMagic)
                return (this.#hasMagic = true);
        }
        // note: will be undefined until we generate the regexp src and find out
        return this.#hasMagic;
    }
    // reconstructs the pattern
    toString() {
        return (this.#toString !== undefined ? this.#toString
            : !this.type ?
                (this.#toString = this.#parts.map(p => String(p)).join(''))
                : (this.#toString =
                    this.type +
                        '(' +
                        this.#parts.map(p => String(p)).join('|') +
                        ')'));
    }
    #fillNegs() {
        /* c8 ignore start */
        if (this !== this.#root)
            throw new Error('should only call on root');
        if (this.#filledNegs)
            return this;
        /* c8 ignore stop */
        // call toString() once to fill this out
        this.toString();
        this.#filledNegs = true;
        let n;
        while ((n = this.#negs.pop())) {
            if (n.type !== '!')
                continue;
            // walk up the tree, appending everthing that comes AFTER parentIndex
            let p = n;
            let pp = p.#parent;
            while (pp) {
                for (let i = p.#parentIndex + 1; !pp.type && i < pp.#parts.length; i++) {
                    for (const part of n.#parts) {
                        /* c8 ignore start */
                        if (typeof part === 'string') {
                            throw new Error('string part in extglob AST??');
                        }
                        /* c8 ignore stop */
                        part.copyIn(pp.#parts[i]);
                    }
                }
                p = pp;
                pp = p.#parent;
            }
        }
        return this;
    }
    push(...parts) {
        for (const p of parts) {
            if (p === '')
                continue;
            /* c8 ignore start */
            if (typeof p !== 'string' &&
                !(p instanceof _a && p.#parent === this)) {
                throw new Error('invalid part: ' + p);
            }
            /* c8 ignore stop */
            this.#parts.push(p);
        }
    }
    toJSON() {
        const ret = this.type === null ?
            this.#parts
                .slice()
                .map(p => (typeof p === 'string' ? p : p.toJSON()))
            : [this.type, ...this.#parts.map(p => p.toJSON())];
        if (this.isStart() && !this.type)
            ret.unshift([]);
        if (this.isEnd() &&
            (this === this.#root ||
                (this.#root.#filledNegs && this.#parent?.type === '!'))) {
            ret.push({});
        }
        return ret;
    }
    isStart() {
        if (this.#root === this)
            return true;
        // if (this.type) return !!this.#parent?.isStart()
        if (!this.#parent?.isStart())
            return false;
        if (this.#parentIndex === 0)
            return true;
        // if everything AHEAD of this is a negation, then it's still the "start"
        const p = this.#parent;
        for (let i = 0; i < this.#parentIndex; i++) {
            const pp = p.#parts[i];
            if (!(pp instanceof _a && pp.type === '!')) {
                return false;
            }
        }
        return true;
    }
    isEnd() {
        if (this.#root === this)
            return true;
        if (this.#parent?.type === '!')
            return true;
        if (!this.#parent?.isEnd())
            return false;
        if (!this.type)
            return this.#parent?.isEnd();
        // if not root, it'll always have a parent
        /* c8 ignore start */
        const pl = this.#parent ? this.#parent.#parts.length : 0;
        /* c8 ignore stop */
        return this.#parentIndex === pl - 1;
    }
    copyIn(part) {
        if (typeof part === 'string')
            this.push(part);
        else
            this.push(part.clone(this));
    }
    clone(parent) {
        const c = new _a(this.type, parent);
        for (const p of this.#parts) {
            c.copyIn(p);
        }
        return c;
    }
    static #parseAST(str, ast, pos, opt, extDepth) {
        const maxDepth = opt.maxExtglobRecursion ?? 2;
        let escaping = false;
        let inBrace = false;
        let braceStart = -1;
        let braceNeg = false;
        if (ast.type === null) {
            // outside of a extglob, append until we find a start
            let i = pos;
            let acc = '';
            while (i < str.length) {
                const c = str.charAt(i++);
                // still accumulate escapes at this point, but we do ignore
                // starts that are escaped
                if (escaping || c === '\\') {
                    escaping = !escaping;
                    acc += c;
                    continue;
                }
                if (inBrace) {
                    if (i === braceStart + 1) {
                        if (c === '^' || c === '!') {
                            braceNeg = true;
                        }
                    }
                    else if (c === ']' && !(i === braceStart + 2 && braceNeg)) {
                        inBrace = false;
                    }
                    acc += c;
                    continue;
                }
                else if (c === '[') {
                    inBrace = true;
                    braceStart = i;
                    braceNeg = false;
                    acc += c;
                    continue;
                }
                // we don't have to check for adoption here, because that's
                // done at the other recursion point.
                const doRecurse = !opt.noext &&
                    isExtglobType(c) &&
                    str.charAt(i) === '(' &&
                    extDepth <= maxDepth;
                if (doRecurse) {
                    ast.push(acc);
                    acc = '';
                    const ext = new _a(c, ast);
                    i = _a.#parseAST(str, ext, i, opt, extDepth + 1);
                    ast.push(ext);
                    continue;
                }
                acc += c;
            }
            ast.push(acc);
            return i;
        }
        // some kind of extglob, pos is at the (
        // find the next | or )
        let i = pos + 1;
        let part = new _a(null, ast);
        const parts = [];
        let acc = '';
        while (i < str.length) {
            const c = str.charAt(i++);
            // still accumulate escapes at this point, but we do ignore
            // starts that are escaped
            if (escaping || c === '\\') {
                escaping = !escaping;
                acc += c;
                continue;
            }
            if (inBrace) {
                if (i === braceStart + 1) {
                    if (c === '^' || c === '!') {
                        braceNeg = true;
                    }
                }
                else if (c === ']' && !(i === braceStart + 2 && braceNeg)) {
                    inBrace = false;
                }
                acc += c;
                continue;
            }
            else if (c === '[') {
                inBrace = true;
                braceStart = i;
                braceNeg = false;
                acc += c;
                continue;
            }
            const doRecurse = !opt.noext &&
                isExtglobType(c) &&
                str.charAt(i) === '(' &&
                /* c8 ignore start - the maxDepth is sufficient here */
                (extDepth <= maxDepth || (ast && ast.#canAdoptType(c)));
            /* c8 ignore stop */
            if (doRecurse) {
                const depthAdd = ast && ast.#canAdoptType(c) ? 0 : 1;
                part.push(acc);
                acc = '';
                const ext = new _a(c, part);
                part.push(ext);
                i = _a.#parseAST(str, ext, i, opt, extDepth + depthAdd);
                continue;
            }
            if (c === '|') {
                part.push(acc);
                acc = '';
                parts.push(part);
                part = new _a(null, ast);
                continue;
            }
            if (c === ')') {
                if (acc === '' && ast.#parts.length === 0) {
                    ast.#emptyExt = true;
                }
                part.push(acc);
                acc = '';
                ast.push(...parts, part);
                return i;
            }
            acc += c;
        }
        // unfinished extglob
        // if we got here, it was a malformed extglob! not an extglob, but
        // maybe something else in there.
        ast.type = null;
        ast.#hasMagic = undefined;
        ast.#parts = [str.substring(pos - 1)];
        return i;
    }
    #canAdoptWithSpace(child) {
        return this.#canAdopt(child, adoptionWithSpaceMap);
    }
    #canAdopt(child, map = adoptionMap) {
        if (!child ||
            typeof child !== 'object' ||
            child.type !== null ||
            child.#parts.length !== 1 ||
            this.type === null) {
            return false;
        }
        const gc = child.#parts[0];
        if (!gc || typeof gc !== 'object' || gc.type === null) {
            return false;
        }
        return this.#canAdoptType(gc.type, map);
    }
    #canAdoptType(c, map = adoptionAnyMap) {
        return !!map.get(this.type)?.includes(c);
    }
    #adoptWithSpace(child, index) {
        const gc = child.#parts[0];
        const blank = new _a(null, gc, this.options);
        blank.#parts.push('');
        gc.push(blank);
        this.#adopt(child, index);
    }
    #adopt(child, index) {
        const gc = child.#parts[0];
        this.#parts.splice(index, 1, ...gc.#parts);
        for (const p of gc.#parts) {
            if (typeof p === 'object')
                p.#parent = this;
        }
        this.#toString = undefined;
    }
    #canUsurpType(c) {
        const m = usurpMap.get(this.type);
        return !!m?.has(c);
    }
    #canUsurp(child) {
        if (!child ||
            typeof child !== 'object' ||
            child.type !== null ||
            child.#parts.length !== 1 ||
            this.type === null ||
            this.#parts.length !== 1) {
            return false;
        }
        const gc = child.#parts[0];
        if (!gc || typeof gc !== 'object' || gc.type === null) {
            return false;
        }
        return this.#canUsurpType(gc.type);
    }
    #usurp(child) {
        const m = usurpMap.get(this.type);
        const gc = child.#parts[0];
        const nt = m?.get(gc.type);
        /* c8 ignore start - impossible */
        if (!nt)
            return false;
        /* c8 ignore stop */
        this.#parts = gc.#parts;
        for (const p of this.#parts) {
            if (typeof p === 'object') {
                p.#parent = this;
            }
        }
        this.type = nt;
        this.#toString = undefined;
        this.#emptyExt = false;
    }
    static fromGlob(pattern, options = {}) {
        const ast = new _a(null, undefined, options);
        _a.#parseAST(pattern, ast, 0, options, 0);
        return ast;
    }
    // returns the regular expression if there's magic, or the unescaped
    // string if not.
    toMMPattern() {
        // should only be called on root
        /* c8 ignore start */
        if (this !== this.#root)
            return this.#root.toMMPattern();
        /* c8 ignore stop */
        const glob = this.toString();
        const [re, body, hasMagic, uflag] = this.toRegExpSource();
        // if we're in nocase mode, and not nocaseMagicOnly, then we do
        // still need a regular expression if we have to case-insensitively
        // match capital/lowercase characters.
        const anyMagic = hasMagic ||
            this.#hasMagic ||
            (this.#options.nocase &&
                !this.#options.nocaseMagicOnly &&
                glob.toUpperCase() !== glob.toLowerCase());
        if (!anyMagic) {
            return body;
        }
        const flags = (this.#options.nocase ? 'i' : '') + (uflag ? 'u' : '');
        return Object.assign(new RegExp(`^${re}$`, flags), {
            _src: re,
            _glob: glob,
        });
    }
    get options() {
        return this.#options;
    }
    // returns the string match, the regexp source, whether there's magic
    // in the regexp (so a regular expression is required) and whether or
    // not the uflag is needed for the regular expression (for posix classes)
    // TODO: instead of injecting the start/end at this point, just return
    // the BODY of the regexp, along with the start/end portions suitable
    // for binding the start/end in either a joined full-path makeRe context
    // (where we bind to (^|/), or a standalone matchPart context (where
    // we bind to ^, and not /).  Otherwise slashes get duped!
    //
    // In part-matching mode, the start is:
    // - if not isStart: nothing
    // - if traversal possible, but not allowed: ^(?!\.\.?$)
    // - if dots allowed or not possible: ^
    // - if dots possible and not allowed: ^(?!\.)
    // end is:
    // - if not isEnd(): nothing
    // - else: $
    //
    // In full-path matching mode, we put the slash at the START of the
    // pattern, so start is:
    // - if first pattern: same as part-matching mode
    // - if not isStart(): nothing
    // - if traversal possible, but not allowed: /(?!\.\.?(?:$|/))
    // - if dots allowed or not possible: /
    // - if dots possible and not allowed: /(?!\.)
    // end is:
    // - if last pattern, same as part-matching mode
    // - else nothing
    //
    // Always put the (?:$|/) on negated tails, though, because that has to be
    // there to bind the end of the negated pattern portion, and it's easier to
    // just stick it in now rather than try to inject it later in the middle of
    // the pattern.
    //
    // We can just always return the same end, and leave it up to the caller
    // to know whether it's going to be used joined or in parts.
    // And, if the start is adjusted slightly, can do the same there:
    // - if not isStart: nothing
    // - if traversal possible, but not allowed: (?:/|^)(?!\.\.?$)
    // - if dots allowed or not possible: (?:/|^)
    // - if dots possible and not allowed: (?:/|^)(?!\.)
    //
    // But it's better to have a simpler binding without a conditional, for
    // performance, so probably better to return both start options.
    //
    // Then the caller just ignores the end if it's not the first pattern,
    // and the start always gets applied.
    //
    // But that's always going to be $ if it's the ending pattern, or nothing,
    // so the caller can just attach $ at the end of the pattern when building.
    //
    // So the todo is:
    // - better detect what kind of start is needed
    // - return both flavors of starting pattern
    // - attach $ at the end of the pattern when creating the actual RegExp
    //
    // Ah, but wait, no, that all only applies to the root when the first pattern
    // is not an extglob. If the first pattern IS an extglob, then we need all
    // that dot prevention biz to live in the extglob portions, because eg
    // +(*|.x*) can match .xy but not .yx.
    //
    // So, return the two flavors if it's #root and the first child is not an
    // AST, otherwise leave it to the child AST to handle it, and there,
    // use the (?:^|/) style of start binding.
    //
    // Even simplified further:
    // - Since the start for a join is eg /(?!\.) and the start for a part
    // is ^(?!\.), we can just prepend (?!\.) to the pattern (either root
    // or start or whatever) and prepend ^ or / at the Regexp construction.
    toRegExpSource(allowDot) {
        const dot = allowDot ?? !!this.#options.dot;
        if (this.#root === this) {
            this.#flatten();
            this.#fillNegs();
        }
        if (!isExtglobAST(this)) {
            const noEmpty = this.isStart() &&
                this.isEnd() &&
                !this.#parts.some(s => typeof s !== 'string');
            const src = this.#parts
                .map(p => {
                const [re, _, hasMagic, uflag] = typeof p === 'string' ?
                    _a.#parseGlob(p, this.#hasMagic, noEmpty)
                    : p.toRegExpSource(allowDot);
                this.#hasMagic = this.#hasMagic || hasMagic;
                this.#uflag = this.#uflag || uflag;
                return re;
            })
                .join('');
            let start = '';
            if (this.isStart()) {
                if (typeof this.#parts[0] === 'string') {
                    // this is the string that will match the start of the pattern,
                    // so we need to protect against dots and such.
                    // '.' and '..' cannot match unless the pattern is that exactly,
                    // even if it starts with . or dot:true is set.
                    const dotTravAllowed = this.#parts.length === 1 && justDots.has(this.#parts[0]);
                    if (!dotTravAllowed) {
                        const aps = addPatternStart;
                        // check if we have a possibility of matching . or ..,
                        // and prevent that.
                        const needNoTrav = 
                        // dots are allowed, and the pattern starts with [ or .
                        (dot && aps.has(src.charAt(0))) ||
                            // the pattern starts with \., and then [ or .
                            (src.startsWith('\\.') && aps.has(src.charAt(2))) ||
                            // the pattern starts with \.\., and then [ or .
                            (src.startsWith('\\.\\.') && aps.has(src.charAt(4)));
                        // no need to prevent dots if it can't match a dot, or if a
                        // sub-pattern will be preventing it anyway.
                        const needNoDot = !dot && !allowDot && aps.has(src.charAt(0));
                        start =
                            needNoTrav ? startNoTraversal
                                : needNoDot ? startNoDot
                                    : '';
                    }
                }
            }
            // append the "end of path portion" pattern to negation tails
            let end = '';
            if (this.isEnd() &&
                this.#root.#filledNegs &&
                this.#parent?.type === '!') {
                end = '(?:$|\\/)';
            }
            const final = start + src + end;
            return [
                final,
                unescape_unescape(src),
                (this.#hasMagic = !!this.#hasMagic),
                this.#uflag,
            ];
        }
        // We need to calculate the body *twice* if it's a repeat pattern
        // at the start, once in nodot mode, then again in dot mode, so a
        // pattern like *(?) can match 'x.y'
        const repeated = this.type === '*' || this.type === '+';
        // some kind of extglob
        const start = this.type === '!' ? '(?:(?!(?:' : '(?:';
        let body = this.#partsToRegExp(dot);
        if (this.isStart() && this.isEnd() && !body && this.type !== '!') {
            // invalid extglob, has to at least be *something* present, if it's
            // the entire path portion.
            const s = this.toString();
            const me = this;
            me.#parts = [s];
            me.type = null;
            me.#hasMagic = undefined;
            return [s, unescape_unescape(this.toString()), false, false];
        }
        let bodyDotAllowed = !repeated || allowDot || dot || !startNoDot ?
            ''
            : this.#partsToRegExp(true);
        if (bodyDotAllowed === body) {
            bodyDotAllowed = '';
        }
        if (bodyDotAllowed) {
            body = `(?:${body})(?:${bodyDotAllowed})*?`;
        }
        // an empty !() is exactly equivalent to a starNoEmpty
        let final = '';
        if (this.type === '!' && this.#emptyExt) {
            final = (this.isStart() && !dot ? startNoDot : '') + starNoEmpty;
        }
        else {
            const close = this.type === '!' ?
                // !() must match something,but !(x) can match ''
                '))' +
                    (this.isStart() && !dot && !allowDot ? startNoDot : '') +
                    star +
                    ')'
                : this.type === '@' ? ')'
                    : this.type === '?' ? ')?'
                        : this.type === '+' && bodyDotAllowed ? ')'
                            : this.type === '*' && bodyDotAllowed ? `)?`
                                : `)${this.type}`;
            final = start + body + close;
        }
        return [
            final,
            unescape_unescape(body),
            (this.#hasMagic = !!this.#hasMagic),
            this.#uflag,
        ];
    }
    #flatten() {
        if (!isExtglobAST(this)) {
            for (const p of this.#parts) {
                if (typeof p === 'object') {
                    p.#flatten();
                }
            }
        }
        else {
            // do up to 10 passes to flatten as much as possible
            let iterations = 0;
            let done = false;
            do {
                done = true;
                for (let i = 0; i < this.#parts.length; i++) {
                    const c = this.#parts[i];
                    if (typeof c === 'object') {
                        c.#flatten();
                        if (this.#canAdopt(c)) {
                            done = false;
                            this.#adopt(c, i);
                        }
                        else if (this.#canAdoptWithSpace(c)) {
                            done = false;
                            this.#adoptWithSpace(c, i);
                        }
                        else if (this.#canUsurp(c)) {
                            done = false;
                            this.#usurp(c);
                        }
                    }
                }
            } while (!done && ++iterations < 10);
        }
        this.#toString = undefined;
    }
    #partsToRegExp(dot) {
        return this.#parts
            .map(p => {
            // extglob ASTs should only contain parent ASTs
            /* c8 ignore start */
            if (typeof p === 'string') {
                throw new Error('string type in extglob ast??');
            }
            /* c8 ignore stop */
            // can ignore hasMagic, because extglobs are already always magic
            const [re, _, _hasMagic, uflag] = p.toRegExpSource(dot);
            this.#uflag = this.#uflag || uflag;
            return re;
        })
            .filter(p => !(this.isStart() && this.isEnd()) || !!p)
            .join('|');
    }
    static #parseGlob(glob, hasMagic, noEmpty = false) {
        let escaping = false;
        let re = '';
        let uflag = false;
        // multiple stars that aren't globstars coalesce into one *
        let inStar = false;
        for (let i = 0; i < glob.length; i++) {
            const c = glob.charAt(i);
            if (escaping) {
                escaping = false;
                re += (reSpecials.has(c) ? '\\' : '') + c;
                continue;
            }
            if (c === '*') {
                if (inStar)
                    continue;
                inStar = true;
                re += noEmpty && /^[*]+$/.test(glob) ? starNoEmpty : star;
                hasMagic = true;
                continue;
            }
            else {
                inStar = false;
            }
            if (c === '\\') {
                if (i === glob.length - 1) {
                    re += '\\\\';
                }
                else {
                    escaping = true;
                }
                continue;
            }
            if (c === '[') {
                const [src, needUflag, consumed, magic] = parseClass(glob, i);
                if (consumed) {
                    re += src;
                    uflag = uflag || needUflag;
                    i += consumed - 1;
                    hasMagic = hasMagic || magic;
                    continue;
                }
            }
            if (c === '?') {
                re += qmark;
                hasMagic = true;
                continue;
            }
            re += regExpEscape(c);
        }
        return [re, unescape_unescape(glob), !!hasMagic, uflag];
    }
}
_a = AST;
//# sourceMappingURL=ast.js.map
;// CONCATENATED MODULE: ./node_modules/minimatch/dist/esm/escape.js
/**
 * Escape all magic characters in a glob pattern.
 *
 * If the {@link MinimatchOptions.windowsPathsNoEscape}
 * option is used, then characters are escaped by wrapping in `[]`, because
 * a magic character wrapped in a character class can only be satisfied by
 * that exact character.  In this mode, `\` is _not_ escaped, because it is
 * not interpreted as a magic character, but instead as a path separator.
 *
 * If the {@link MinimatchOptions.magicalBraces} option is used,
 * then braces (`{` and `}`) will be escaped.
 */
const escape_escape = (s, { windowsPathsNoEscape = false, magicalBraces = false, } = {}) => {
    // don't need to escape +@! because we escape the parens
    // that make those magic, and escaping ! as [!] isn't valid,
    // because [!]] is a valid glob class meaning not ']'.
    if (magicalBraces) {
        return windowsPathsNoEscape ?
            s.replace(/[?*()[\]{}]/g, '[$&]')
            : s.replace(/[?*()[\]\\{}]/g, '\\$&');
    }
    return windowsPathsNoEscape ?
        s.replace(/[?*()[\]]/g, '[$&]')
        : s.replace(/[?*()[\]\\]/g, '\\$&');
};
//# sourceMappingURL=escape.js.map
;// CONCATENATED MODULE: ./node_modules/minimatch/dist/esm/index.js





const minimatch = (p, pattern, options = {}) => {
    assertValidPattern(pattern);
    // shortcut: comments match nothing.
    if (!options.nocomment && pattern.charAt(0) === '#') {
        return false;
    }
    return new Minimatch(pattern, options).match(p);
};
// Optimized checking for the most common glob patterns.
const starDotExtRE = /^\*+([^+@!?*[(]*)$/;
const starDotExtTest = (ext) => (f) => !f.startsWith('.') && f.endsWith(ext);
const starDotExtTestDot = (ext) => (f) => f.endsWith(ext);
const starDotExtTestNocase = (ext) => {
    ext = ext.toLowerCase();
    return (f) => !f.startsWith('.') && f.toLowerCase().endsWith(ext);
};
const starDotExtTestNocaseDot = (ext) => {
    ext = ext.toLowerCase();
    return (f) => f.toLowerCase().endsWith(ext);
};
const starDotStarRE = /^\*+\.\*+$/;
const starDotStarTest = (f) => !f.startsWith('.') && f.includes('.');
const starDotStarTestDot = (f) => f !== '.' && f !== '..' && f.includes('.');
const dotStarRE = /^\.\*+$/;
const dotStarTest = (f) => f !== '.' && f !== '..' && f.startsWith('.');
const starRE = /^\*+$/;
const starTest = (f) => f.length !== 0 && !f.startsWith('.');
const starTestDot = (f) => f.length !== 0 && f !== '.' && f !== '..';
const qmarksRE = /^\?+([^+@!?*[(]*)?$/;
const qmarksTestNocase = ([$0, ext = '']) => {
    const noext = qmarksTestNoExt([$0]);
    if (!ext)
        return noext;
    ext = ext.toLowerCase();
    return (f) => noext(f) && f.toLowerCase().endsWith(ext);
};
const qmarksTestNocaseDot = ([$0, ext = '']) => {
    const noext = qmarksTestNoExtDot([$0]);
    if (!ext)
        return noext;
    ext = ext.toLowerCase();
    return (f) => noext(f) && f.toLowerCase().endsWith(ext);
};
const qmarksTestDot = ([$0, ext = '']) => {
    const noext = qmarksTestNoExtDot([$0]);
    return !ext ? noext : (f) => noext(f) && f.endsWith(ext);
};
const qmarksTest = ([$0, ext = '']) => {
    const noext = qmarksTestNoExt([$0]);
    return !ext ? noext : (f) => noext(f) && f.endsWith(ext);
};
const qmarksTestNoExt = ([$0]) => {
    const len = $0.length;
    return (f) => f.length === len && !f.startsWith('.');
};
const qmarksTestNoExtDot = ([$0]) => {
    const len = $0.length;
    return (f) => f.length === len && f !== '.' && f !== '..';
};
/* c8 ignore start */
const defaultPlatform = (typeof process === 'object' && process ?
    (typeof process.env === 'object' &&
        process.env &&
        process.env.__MINIMATCH_TESTING_PLATFORM__) ||
        process.platform
    : 'posix');
const path = {
    win32: { sep: '\\' },
    posix: { sep: '/' },
};
/* c8 ignore stop */
const sep = defaultPlatform === 'win32' ? path.win32.sep : path.posix.sep;
minimatch.sep = sep;
const GLOBSTAR = Symbol('globstar **');
minimatch.GLOBSTAR = GLOBSTAR;
// any single thing other than /
// don't need to escape / when using new RegExp()
const esm_qmark = '[^/]';
// * => any number of characters
const esm_star = esm_qmark + '*?';
// ** when dots are allowed.  Anything goes, except .. and .
// not (^ or / followed by one or two dots followed by $ or /),
// followed by anything, any number of times.
const twoStarDot = '(?:(?!(?:\\/|^)(?:\\.{1,2})($|\\/)).)*?';
// not a ^ or / followed by a dot,
// followed by anything, any number of times.
const twoStarNoDot = '(?:(?!(?:\\/|^)\\.).)*?';
const filter = (pattern, options = {}) => (p) => minimatch(p, pattern, options);
minimatch.filter = filter;
const ext = (a, b = {}) => Object.assign({}, a, b);
const defaults = (def) => {
    if (!def || typeof def !== 'object' || !Object.keys(def).length) {
        return minimatch;
    }
    const orig = minimatch;
    const m = (p, pattern, options = {}) => orig(p, pattern, ext(def, options));
    return Object.assign(m, {
        Minimatch: class Minimatch extends orig.Minimatch {
            constructor(pattern, options = {}) {
                super(pattern, ext(def, options));
            }
            static defaults(options) {
                return orig.defaults(ext(def, options)).Minimatch;
            }
        },
        AST: class AST extends orig.AST {
            /* c8 ignore start */
            constructor(type, parent, options = {}) {
                super(type, parent, ext(def, options));
            }
            /* c8 ignore stop */
            static fromGlob(pattern, options = {}) {
                return orig.AST.fromGlob(pattern, ext(def, options));
            }
        },
        unescape: (s, options = {}) => orig.unescape(s, ext(def, options)),
        escape: (s, options = {}) => orig.escape(s, ext(def, options)),
        filter: (pattern, options = {}) => orig.filter(pattern, ext(def, options)),
        defaults: (options) => orig.defaults(ext(def, options)),
        makeRe: (pattern, options = {}) => orig.makeRe(pattern, ext(def, options)),
        braceExpand: (pattern, options = {}) => orig.braceExpand(pattern, ext(def, options)),
        match: (list, pattern, options = {}) => orig.match(list, pattern, ext(def, options)),
        sep: orig.sep,
        GLOBSTAR: GLOBSTAR,
    });
};
minimatch.defaults = defaults;
// Brace expansion:
// a{b,c}d -> abd acd
// a{b,}c -> abc ac
// a{0..3}d -> a0d a1d a2d a3d
// a{b,c{d,e}f}g -> abg acdfg acefg
// a{b,c}d{e,f}g -> abdeg acdeg abdeg abdfg
//
// Invalid sets are not expanded.
// a{2..}b -> a{2..}b
// a{b}c -> a{b}c
const braceExpand = (pattern, options = {}) => {
    assertValidPattern(pattern);
    // Thanks to Yeting Li <https://github.com/yetingli> for
    // improving this regexp to avoid a ReDOS vulnerability.
    if (options.nobrace || !/\{(?:(?!\{).)*\}/.test(pattern)) {
        // shortcut. no need to expand.
        return [pattern];
    }
    return expand(pattern, { max: options.braceExpandMax });
};
minimatch.braceExpand = braceExpand;
// parse a component of the expanded set.
// At this point, no pattern may contain "/" in it
// so we're going to return a 2d array, where each entry is the full
// pattern, split on '/', and then turned into a regular expression.
// A regexp is made at the end which joins each array with an
// escaped /, and another full one which joins each regexp with |.
//
// Following the lead of Bash 4.1, note that "**" only has special meaning
// when it is the *only* thing in a path portion.  Otherwise, any series
// of * is equivalent to a single *.  Globstar behavior is enabled by
// default, and can be disabled by setting options.noglobstar.
const makeRe = (pattern, options = {}) => new Minimatch(pattern, options).makeRe();
minimatch.makeRe = makeRe;
const match = (list, pattern, options = {}) => {
    const mm = new Minimatch(pattern, options);
    list = list.filter(f => mm.match(f));
    if (mm.options.nonull && !list.length) {
        list.push(pattern);
    }
    return list;
};
minimatch.match = match;
// replace stuff like \* with *
const globMagic = /[?*]|[+@!]\(.*?\)|\[|\]/;
const esm_regExpEscape = (s) => s.replace(/[-[\]{}()*+?.,\\^$|#\s]/g, '\\$&');
class Minimatch {
    options;
    set;
    pattern;
    windowsPathsNoEscape;
    nonegate;
    negate;
    comment;
    empty;
    preserveMultipleSlashes;
    partial;
    globSet;
    globParts;
    nocase;
    isWindows;
    platform;
    windowsNoMagicRoot;
    maxGlobstarRecursion;
    regexp;
    constructor(pattern, options = {}) {
        assertValidPattern(pattern);
        options = options || {};
        this.options = options;
        this.maxGlobstarRecursion = options.maxGlobstarRecursion ?? 200;
        this.pattern = pattern;
        this.platform = options.platform || defaultPlatform;
        this.isWindows = this.platform === 'win32';
        // avoid the annoying deprecation flag lol
        const awe = ('allowWindow' + 'sEscape');
        this.windowsPathsNoEscape =
            !!options.windowsPathsNoEscape || options[awe] === false;
        if (this.windowsPathsNoEscape) {
            this.pattern = this.pattern.replace(/\\/g, '/');
        }
        this.preserveMultipleSlashes = !!options.preserveMultipleSlashes;
        this.regexp = null;
        this.negate = false;
        this.nonegate = !!options.nonegate;
        this.comment = false;
        this.empty = false;
        this.partial = !!options.partial;
        this.nocase = !!this.options.nocase;
        this.windowsNoMagicRoot =
            options.windowsNoMagicRoot !== undefined ?
                options.windowsNoMagicRoot
                : !!(this.isWindows && this.nocase);
        this.globSet = [];
        this.globParts = [];
        this.set = [];
        // make the set of regexps etc.
        this.make();
    }
    hasMagic() {
        if (this.options.magicalBraces && this.set.length > 1) {
            return true;
        }
        for (const pattern of this.set) {
            for (const part of pattern) {
                if (typeof part !== 'string')
                    return true;
            }
        }
        return false;
    }
    debug(..._) { }
    make() {
        const pattern = this.pattern;
        const options = this.options;
        // empty patterns and comments match nothing.
        if (!options.nocomment && pattern.charAt(0) === '#') {
            this.comment = true;
            return;
        }
        if (!pattern) {
            this.empty = true;
            return;
        }
        // step 1: figure out negation, etc.
        this.parseNegate();
        // step 2: expand braces
        this.globSet = [...new Set(this.braceExpand())];
        if (options.debug) {
            //oxlint-disable-next-line no-console
            this.debug = (...args) => console.error(...args);
        }
        this.debug(this.pattern, this.globSet);
        // step 3: now we have a set, so turn each one into a series of
        // path-portion matching patterns.
        // These will be regexps, except in the case of "**", which is
        // set to the GLOBSTAR object for globstar behavior,
        // and will not contain any / characters
        //
        // First, we preprocess to make the glob pattern sets a bit simpler
        // and deduped.  There are some perf-killing patterns that can cause
        // problems with a glob walk, but we can simplify them down a bit.
        const rawGlobParts = this.globSet.map(s => this.slashSplit(s));
        this.globParts = this.preprocess(rawGlobParts);
        this.debug(this.pattern, this.globParts);
        // glob --> regexps
        let set = this.globParts.map((s, _, __) => {
            if (this.isWindows && this.windowsNoMagicRoot) {
                // check if it's a drive or unc path.
                const isUNC = s[0] === '' &&
                    s[1] === '' &&
                    (s[2] === '?' || !globMagic.test(s[2])) &&
                    !globMagic.test(s[3]);
                const isDrive = /^[a-z]:/i.test(s[0]);
                if (isUNC) {
                    return [
                        ...s.slice(0, 4),
                        ...s.slice(4).map(ss => this.parse(ss)),
                    ];
                }
                else if (isDrive) {
                    return [s[0], ...s.slice(1).map(ss => this.parse(ss))];
                }
            }
            return s.map(ss => this.parse(ss));
        });
        this.debug(this.pattern, set);
        // filter out everything that didn't compile properly.
        this.set = set.filter(s => s.indexOf(false) === -1);
        // do not treat the ? in UNC paths as magic
        if (this.isWindows) {
            for (let i = 0; i < this.set.length; i++) {
                const p = this.set[i];
                if (p[0] === '' &&
                    p[1] === '' &&
                    this.globParts[i][2] === '?' &&
                    typeof p[3] === 'string' &&
                    /^[a-z]:$/i.test(p[3])) {
                    p[2] = '?';
                }
            }
        }
        this.debug(this.pattern, this.set);
    }
    // various transforms to equivalent pattern sets that are
    // faster to process in a filesystem walk.  The goal is to
    // eliminate what we can, and push all ** patterns as far
    // to the right as possible, even if it increases the number
    // of patterns that we have to process.
    preprocess(globParts) {
        // if we're not in globstar mode, then turn ** into *
        if (this.options.noglobstar) {
            for (const partset of globParts) {
                for (let j = 0; j < partset.length; j++) {
                    if (partset[j] === '**') {
                        partset[j] = '*';
                    }
                }
            }
        }
        const { optimizationLevel = 1 } = this.options;
        if (optimizationLevel >= 2) {
            // aggressive optimization for the purpose of fs walking
            globParts = this.firstPhasePreProcess(globParts);
            globParts = this.secondPhasePreProcess(globParts);
        }
        else if (optimizationLevel >= 1) {
            // just basic optimizations to remove some .. parts
            globParts = this.levelOneOptimize(globParts);
        }
        else {
            // just collapse multiple ** portions into one
            globParts = this.adjascentGlobstarOptimize(globParts);
        }
        return globParts;
    }
    // just get rid of adjascent ** portions
    adjascentGlobstarOptimize(globParts) {
        return globParts.map(parts => {
            let gs = -1;
            while (-1 !== (gs = parts.indexOf('**', gs + 1))) {
                let i = gs;
                while (parts[i + 1] === '**') {
                    i++;
                }
                if (i !== gs) {
                    parts.splice(gs, i - gs);
                }
            }
            return parts;
        });
    }
    // get rid of adjascent ** and resolve .. portions
    levelOneOptimize(globParts) {
        return globParts.map(parts => {
            parts = parts.reduce((set, part) => {
                const prev = set[set.length - 1];
                if (part === '**' && prev === '**') {
                    return set;
                }
                if (part === '..') {
                    if (prev && prev !== '..' && prev !== '.' && prev !== '**') {
                        set.pop();
                        return set;
                    }
                }
                set.push(part);
                return set;
            }, []);
            return parts.length === 0 ? [''] : parts;
        });
    }
    levelTwoFileOptimize(parts) {
        if (!Array.isArray(parts)) {
            parts = this.slashSplit(parts);
        }
        let didSomething = false;
        do {
            didSomething = false;
            // <pre>/<e>/<rest> -> <pre>/<rest>
            if (!this.preserveMultipleSlashes) {
                for (let i = 1; i < parts.length - 1; i++) {
                    const p = parts[i];
                    // don't squeeze out UNC patterns
                    if (i === 1 && p === '' && parts[0] === '')
                        continue;
                    if (p === '.' || p === '') {
                        didSomething = true;
                        parts.splice(i, 1);
                        i--;
                    }
                }
                if (parts[0] === '.' &&
                    parts.length === 2 &&
                    (parts[1] === '.' || parts[1] === '')) {
                    didSomething = true;
                    parts.pop();
                }
            }
            // <pre>/<p>/../<rest> -> <pre>/<rest>
            let dd = 0;
            while (-1 !== (dd = parts.indexOf('..', dd + 1))) {
                const p = parts[dd - 1];
                if (p &&
                    p !== '.' &&
                    p !== '..' &&
                    p !== '**' &&
                    !(this.isWindows && /^[a-z]:$/i.test(p))) {
                    didSomething = true;
                    parts.splice(dd - 1, 2);
                    dd -= 2;
                }
            }
        } while (didSomething);
        return parts.length === 0 ? [''] : parts;
    }
    // First phase: single-pattern processing
    // <pre> is 1 or more portions
    // <rest> is 1 or more portions
    // <p> is any portion other than ., .., '', or **
    // <e> is . or ''
    //
    // **/.. is *brutal* for filesystem walking performance, because
    // it effectively resets the recursive walk each time it occurs,
    // and ** cannot be reduced out by a .. pattern part like a regexp
    // or most strings (other than .., ., and '') can be.
    //
    // <pre>/**/../<p>/<p>/<rest> -> {<pre>/../<p>/<p>/<rest>,<pre>/**/<p>/<p>/<rest>}
    // <pre>/<e>/<rest> -> <pre>/<rest>
    // <pre>/<p>/../<rest> -> <pre>/<rest>
    // **/**/<rest> -> **/<rest>
    //
    // **/*/<rest> -> */**/<rest> <== not valid because ** doesn't follow
    // this WOULD be allowed if ** did follow symlinks, or * didn't
    firstPhasePreProcess(globParts) {
        let didSomething = false;
        do {
            didSomething = false;
            // <pre>/**/../<p>/<p>/<rest> -> {<pre>/../<p>/<p>/<rest>,<pre>/**/<p>/<p>/<rest>}
            for (let parts of globParts) {
                let gs = -1;
                while (-1 !== (gs = parts.indexOf('**', gs + 1))) {
                    let gss = gs;
                    while (parts[gss + 1] === '**') {
                        // <pre>/**/**/<rest> -> <pre>/**/<rest>
                        gss++;
                    }
                    // eg, if gs is 2 and gss is 4, that means we have 3 **
                    // parts, and can remove 2 of them.
                    if (gss > gs) {
                        parts.splice(gs + 1, gss - gs);
                    }
                    let next = parts[gs + 1];
                    const p = parts[gs + 2];
                    const p2 = parts[gs + 3];
                    if (next !== '..')
                        continue;
                    if (!p ||
                        p === '.' ||
                        p === '..' ||
                        !p2 ||
                        p2 === '.' ||
                        p2 === '..') {
                        continue;
                    }
                    didSomething = true;
                    // edit parts in place, and push the new one
                    parts.splice(gs, 1);
                    const other = parts.slice(0);
                    other[gs] = '**';
                    globParts.push(other);
                    gs--;
                }
                // <pre>/<e>/<rest> -> <pre>/<rest>
                if (!this.preserveMultipleSlashes) {
                    for (let i = 1; i < parts.length - 1; i++) {
                        const p = parts[i];
                        // don't squeeze out UNC patterns
                        if (i === 1 && p === '' && parts[0] === '')
                            continue;
                        if (p === '.' || p === '') {
                            didSomething = true;
                            parts.splice(i, 1);
                            i--;
                        }
                    }
                    if (parts[0] === '.' &&
                        parts.length === 2 &&
                        (parts[1] === '.' || parts[1] === '')) {
                        didSomething = true;
                        parts.pop();
                    }
                }
                // <pre>/<p>/../<rest> -> <pre>/<rest>
                let dd = 0;
                while (-1 !== (dd = parts.indexOf('..', dd + 1))) {
                    const p = parts[dd - 1];
                    if (p && p !== '.' && p !== '..' && p !== '**') {
                        didSomething = true;
                        const needDot = dd === 1 && parts[dd + 1] === '**';
                        const splin = needDot ? ['.'] : [];
                        parts.splice(dd - 1, 2, ...splin);
                        if (parts.length === 0)
                            parts.push('');
                        dd -= 2;
                    }
                }
            }
        } while (didSomething);
        return globParts;
    }
    // second phase: multi-pattern dedupes
    // {<pre>/*/<rest>,<pre>/<p>/<rest>} -> <pre>/*/<rest>
    // {<pre>/<rest>,<pre>/<rest>} -> <pre>/<rest>
    // {<pre>/**/<rest>,<pre>/<rest>} -> <pre>/**/<rest>
    //
    // {<pre>/**/<rest>,<pre>/**/<p>/<rest>} -> <pre>/**/<rest>
    // ^-- not valid because ** doens't follow symlinks
    secondPhasePreProcess(globParts) {
        for (let i = 0; i < globParts.length - 1; i++) {
            for (let j = i + 1; j < globParts.length; j++) {
                const matched = this.partsMatch(globParts[i], globParts[j], !this.preserveMultipleSlashes);
                if (matched) {
                    globParts[i] = [];
                    globParts[j] = matched;
                    break;
                }
            }
        }
        return globParts.filter(gs => gs.length);
    }
    partsMatch(a, b, emptyGSMatch = false) {
        let ai = 0;
        let bi = 0;
        let result = [];
        let which = '';
        while (ai < a.length && bi < b.length) {
            if (a[ai] === b[bi]) {
                result.push(which === 'b' ? b[bi] : a[ai]);
                ai++;
                bi++;
            }
            else if (emptyGSMatch && a[ai] === '**' && b[bi] === a[ai + 1]) {
                result.push(a[ai]);
                ai++;
            }
            else if (emptyGSMatch && b[bi] === '**' && a[ai] === b[bi + 1]) {
                result.push(b[bi]);
                bi++;
            }
            else if (a[ai] === '*' &&
                b[bi] &&
                (this.options.dot || !b[bi].startsWith('.')) &&
                b[bi] !== '**') {
                if (which === 'b')
                    return false;
                which = 'a';
                result.push(a[ai]);
                ai++;
                bi++;
            }
            else if (b[bi] === '*' &&
                a[ai] &&
                (this.options.dot || !a[ai].startsWith('.')) &&
                a[ai] !== '**') {
                if (which === 'a')
                    return false;
                which = 'b';
                result.push(b[bi]);
                ai++;
                bi++;
            }
            else {
                return false;
            }
        }
        // if we fall out of the loop, it means they two are identical
        // as long as their lengths match
        return a.length === b.length && result;
    }
    parseNegate() {
        if (this.nonegate)
            return;
        const pattern = this.pattern;
        let negate = false;
        let negateOffset = 0;
        for (let i = 0; i < pattern.length && pattern.charAt(i) === '!'; i++) {
            negate = !negate;
            negateOffset++;
        }
        if (negateOffset)
            this.pattern = pattern.slice(negateOffset);
        this.negate = negate;
    }
    // set partial to true to test if, for example,
    // "/a/b" matches the start of "/*/b/*/d"
    // Partial means, if you run out of file before you run
    // out of pattern, then that's fine, as long as all
    // the parts match.
    matchOne(file, pattern, partial = false) {
        let fileStartIndex = 0;
        let patternStartIndex = 0;
        // UNC paths like //?/X:/... can match X:/... and vice versa
        // Drive letters in absolute drive or unc paths are always compared
        // case-insensitively.
        if (this.isWindows) {
            const fileDrive = typeof file[0] === 'string' && /^[a-z]:$/i.test(file[0]);
            const fileUNC = !fileDrive &&
                file[0] === '' &&
                file[1] === '' &&
                file[2] === '?' &&
                /^[a-z]:$/i.test(file[3]);
            const patternDrive = typeof pattern[0] === 'string' && /^[a-z]:$/i.test(pattern[0]);
            const patternUNC = !patternDrive &&
                pattern[0] === '' &&
                pattern[1] === '' &&
                pattern[2] === '?' &&
                typeof pattern[3] === 'string' &&
                /^[a-z]:$/i.test(pattern[3]);
            const fdi = fileUNC ? 3
                : fileDrive ? 0
                    : undefined;
            const pdi = patternUNC ? 3
                : patternDrive ? 0
                    : undefined;
            if (typeof fdi === 'number' && typeof pdi === 'number') {
                const [fd, pd] = [
                    file[fdi],
                    pattern[pdi],
                ];
                // start matching at the drive letter index of each
                if (fd.toLowerCase() === pd.toLowerCase()) {
                    pattern[pdi] = fd;
                    patternStartIndex = pdi;
                    fileStartIndex = fdi;
                }
            }
        }
        // resolve and reduce . and .. portions in the file as well.
        // don't need to do the second phase, because it's only one string[]
        const { optimizationLevel = 1 } = this.options;
        if (optimizationLevel >= 2) {
            file = this.levelTwoFileOptimize(file);
        }
        if (pattern.includes(GLOBSTAR)) {
            return this.#matchGlobstar(file, pattern, partial, fileStartIndex, patternStartIndex);
        }
        return this.#matchOne(file, pattern, partial, fileStartIndex, patternStartIndex);
    }
    #matchGlobstar(file, pattern, partial, fileIndex, patternIndex) {
        // split the pattern into head, tail, and middle of ** delimited parts
        const firstgs = pattern.indexOf(GLOBSTAR, patternIndex);
        const lastgs = pattern.lastIndexOf(GLOBSTAR);
        // split the pattern up into globstar-delimited sections
        // the tail has to be at the end, and the others just have
        // to be found in order from the head.
        const [head, body, tail] = partial ?
            [
                pattern.slice(patternIndex, firstgs),
                pattern.slice(firstgs + 1),
                [],
            ]
            : [
                pattern.slice(patternIndex, firstgs),
                pattern.slice(firstgs + 1, lastgs),
                pattern.slice(lastgs + 1),
            ];
        // check the head, from the current file/pattern index.
        if (head.length) {
            const fileHead = file.slice(fileIndex, fileIndex + head.length);
            if (!this.#matchOne(fileHead, head, partial, 0, 0)) {
                return false;
            }
            fileIndex += head.length;
            patternIndex += head.length;
        }
        // now we know the head matches!
        // if the last portion is not empty, it MUST match the end
        // check the tail
        let fileTailMatch = 0;
        if (tail.length) {
            // if head + tail > file, then we cannot possibly match
            if (tail.length + fileIndex > file.length)
                return false;
            // try to match the tail
            let tailStart = file.length - tail.length;
            if (this.#matchOne(file, tail, partial, tailStart, 0)) {
                fileTailMatch = tail.length;
            }
            else {
                // affordance for stuff like a/**/* matching a/b/
                // if the last file portion is '', and there's more to the pattern
                // then try without the '' bit.
                if (file[file.length - 1] !== '' ||
                    fileIndex + tail.length === file.length) {
                    return false;
                }
                tailStart--;
                if (!this.#matchOne(file, tail, partial, tailStart, 0)) {
                    return false;
                }
                fileTailMatch = tail.length + 1;
            }
        }
        // now we know the tail matches!
        // the middle is zero or more portions wrapped in **, possibly
        // containing more ** sections.
        // so a/**/b/**/c/**/d has become **/b/**/c/**
        // if it's empty, it means a/**/b, just verify we have no bad dots
        // if there's no tail, so it ends on /**, then we must have *something*
        // after the head, or it's not a matc
        if (!body.length) {
            let sawSome = !!fileTailMatch;
            for (let i = fileIndex; i < file.length - fileTailMatch; i++) {
                const f = String(file[i]);
                sawSome = true;
                if (f === '.' ||
                    f === '..' ||
                    (!this.options.dot && f.startsWith('.'))) {
                    return false;
                }
            }
            // in partial mode, we just need to get past all file parts
            return partial || sawSome;
        }
        // now we know that there's one or more body sections, which can
        // be matched anywhere from the 0 index (because the head was pruned)
        // through to the length-fileTailMatch index.
        // split the body up into sections, and note the minimum index it can
        // be found at (start with the length of all previous segments)
        // [section, before, after]
        const bodySegments = [[[], 0]];
        let currentBody = bodySegments[0];
        let nonGsParts = 0;
        const nonGsPartsSums = [0];
        for (const b of body) {
            if (b === GLOBSTAR) {
                nonGsPartsSums.push(nonGsParts);
                currentBody = [[], 0];
                bodySegments.push(currentBody);
            }
            else {
                currentBody[0].push(b);
                nonGsParts++;
            }
        }
        let i = bodySegments.length - 1;
        const fileLength = file.length - fileTailMatch;
        for (const b of bodySegments) {
            b[1] = fileLength - (nonGsPartsSums[i--] + b[0].length);
        }
        return !!this.#matchGlobStarBodySections(file, bodySegments, fileIndex, 0, partial, 0, !!fileTailMatch);
    }
    // return false for "nope, not matching"
    // return null for "not matching, cannot keep trying"
    #matchGlobStarBodySections(file, 
    // pattern section, last possible position for it
    bodySegments, fileIndex, bodyIndex, partial, globStarDepth, sawTail) {
        // take the first body segment, and walk from fileIndex to its "after"
        // value at the end
        // If it doesn't match at that position, we increment, until we hit
        // that final possible position, and give up.
        // If it does match, then advance and try to rest.
        // If any of them fail we keep walking forward.
        // this is still a bit recursively painful, but it's more constrained
        // than previous implementations, because we never test something that
        // can't possibly be a valid matching condition.
        const bs = bodySegments[bodyIndex];
        if (!bs) {
            // just make sure that there's no bad dots
            for (let i = fileIndex; i < file.length; i++) {
                sawTail = true;
                const f = file[i];
                if (f === '.' ||
                    f === '..' ||
                    (!this.options.dot && f.startsWith('.'))) {
                    return false;
                }
            }
            return sawTail;
        }
        // have a non-globstar body section to test
        const [body, after] = bs;
        while (fileIndex <= after) {
            const m = this.#matchOne(file.slice(0, fileIndex + body.length), body, partial, fileIndex, 0);
            // if limit exceeded, no match. intentional false negative,
            // acceptable break in correctness for security.
            if (m && globStarDepth < this.maxGlobstarRecursion) {
                // match! see if the rest match. if so, we're done!
                const sub = this.#matchGlobStarBodySections(file, bodySegments, fileIndex + body.length, bodyIndex + 1, partial, globStarDepth + 1, sawTail);
                if (sub !== false) {
                    return sub;
                }
            }
            const f = file[fileIndex];
            if (f === '.' ||
                f === '..' ||
                (!this.options.dot && f.startsWith('.'))) {
                return false;
            }
            fileIndex++;
        }
        // walked off. no point continuing
        return partial || null;
    }
    #matchOne(file, pattern, partial, fileIndex, patternIndex) {
        let fi;
        let pi;
        let pl;
        let fl;
        for (fi = fileIndex,
            pi = patternIndex,
            fl = file.length,
            pl = pattern.length; fi < fl && pi < pl; fi++, pi++) {
            this.debug('matchOne loop');
            let p = pattern[pi];
            let f = file[fi];
            this.debug(pattern, p, f);
            // should be impossible.
            // some invalid regexp stuff in the set.
            /* c8 ignore start */
            if (p === false || p === GLOBSTAR) {
                return false;
            }
            /* c8 ignore stop */
            // something other than **
            // non-magic patterns just have to match exactly
            // patterns with magic have been turned into regexps.
            let hit;
            if (typeof p === 'string') {
                hit = f === p;
                this.debug('string match', p, f, hit);
            }
            else {
                hit = p.test(f);
                this.debug('pattern match', p, f, hit);
            }
            if (!hit)
                return false;
        }
        // Note: ending in / means that we'll get a final ""
        // at the end of the pattern.  This can only match a
        // corresponding "" at the end of the file.
        // If the file ends in /, then it can only match a
        // a pattern that ends in /, unless the pattern just
        // doesn't have any more for it. But, a/b/ should *not*
        // match "a/b/*", even though "" matches against the
        // [^/]*? pattern, except in partial mode, where it might
        // simply not be reached yet.
        // However, a/b/ should still satisfy a/*
        // now either we fell off the end of the pattern, or we're done.
        if (fi === fl && pi === pl) {
            // ran out of pattern and filename at the same time.
            // an exact hit!
            return true;
        }
        else if (fi === fl) {
            // ran out of file, but still had pattern left.
            // this is ok if we're doing the match as part of
            // a glob fs traversal.
            return partial;
        }
        else if (pi === pl) {
            // ran out of pattern, still have file left.
            // this is only acceptable if we're on the very last
            // empty segment of a file with a trailing slash.
            // a/* should match a/b/
            return fi === fl - 1 && file[fi] === '';
            /* c8 ignore start */
        }
        else {
            // should be unreachable.
            throw new Error('wtf?');
        }
        /* c8 ignore stop */
    }
    braceExpand() {
        return braceExpand(this.pattern, this.options);
    }
    parse(pattern) {
        assertValidPattern(pattern);
        const options = this.options;
        // shortcuts
        if (pattern === '**')
            return GLOBSTAR;
        if (pattern === '')
            return '';
        // far and away, the most common glob pattern parts are
        // *, *.*, and *.<ext>  Add a fast check method for those.
        let m;
        let fastTest = null;
        if ((m = pattern.match(starRE))) {
            fastTest = options.dot ? starTestDot : starTest;
        }
        else if ((m = pattern.match(starDotExtRE))) {
            fastTest = (options.nocase ?
                options.dot ?
                    starDotExtTestNocaseDot
                    : starDotExtTestNocase
                : options.dot ? starDotExtTestDot
                    : starDotExtTest)(m[1]);
        }
        else if ((m = pattern.match(qmarksRE))) {
            fastTest = (options.nocase ?
                options.dot ?
                    qmarksTestNocaseDot
                    : qmarksTestNocase
                : options.dot ? qmarksTestDot
                    : qmarksTest)(m);
        }
        else if ((m = pattern.match(starDotStarRE))) {
            fastTest = options.dot ? starDotStarTestDot : starDotStarTest;
        }
        else if ((m = pattern.match(dotStarRE))) {
            fastTest = dotStarTest;
        }
        const re = AST.fromGlob(pattern, this.options).toMMPattern();
        if (fastTest && typeof re === 'object') {
            // Avoids overriding in frozen environments
            Reflect.defineProperty(re, 'test', { value: fastTest });
        }
        return re;
    }
    makeRe() {
        if (this.regexp || this.regexp === false)
            return this.regexp;
        // at this point, this.set is a 2d array of partial
        // pattern strings, or "**".
        //
        // It's better to use .match().  This function shouldn't
        // be used, really, but it's pretty convenient sometimes,
        // when you just want to work with a regex.
        const set = this.set;
        if (!set.length) {
            this.regexp = false;
            return this.regexp;
        }
        const options = this.options;
        const twoStar = options.noglobstar ? esm_star
            : options.dot ? twoStarDot
                : twoStarNoDot;
        const flags = new Set(options.nocase ? ['i'] : []);
        // regexpify non-globstar patterns
        // if ** is only item, then we just do one twoStar
        // if ** is first, and there are more, prepend (\/|twoStar\/)? to next
        // if ** is last, append (\/twoStar|) to previous
        // if ** is in the middle, append (\/|\/twoStar\/) to previous
        // then filter out GLOBSTAR symbols
        let re = set
            .map(pattern => {
            const pp = pattern.map(p => {
                if (p instanceof RegExp) {
                    for (const f of p.flags.split(''))
                        flags.add(f);
                }
                return (typeof p === 'string' ? esm_regExpEscape(p)
                    : p === GLOBSTAR ? GLOBSTAR
                        : p._src);
            });
            pp.forEach((p, i) => {
                const next = pp[i + 1];
                const prev = pp[i - 1];
                if (p !== GLOBSTAR || prev === GLOBSTAR) {
                    return;
                }
                if (prev === undefined) {
                    if (next !== undefined && next !== GLOBSTAR) {
                        pp[i + 1] = '(?:\\/|' + twoStar + '\\/)?' + next;
                    }
                    else {
                        pp[i] = twoStar;
                    }
                }
                else if (next === undefined) {
                    pp[i - 1] = prev + '(?:\\/|\\/' + twoStar + ')?';
                }
                else if (next !== GLOBSTAR) {
                    pp[i - 1] = prev + '(?:\\/|\\/' + twoStar + '\\/)' + next;
                    pp[i + 1] = GLOBSTAR;
                }
            });
            const filtered = pp.filter(p => p !== GLOBSTAR);
            // For partial matches, we need to make the pattern match
            // any prefix of the full path. We do this by generating
            // alternative patterns that match progressively longer prefixes.
            if (this.partial && filtered.length >= 1) {
                const prefixes = [];
                for (let i = 1; i <= filtered.length; i++) {
                    prefixes.push(filtered.slice(0, i).join('/'));
                }
                return '(?:' + prefixes.join('|') + ')';
            }
            return filtered.join('/');
        })
            .join('|');
        // need to wrap in parens if we had more than one thing with |,
        // otherwise only the first will be anchored to ^ and the last to $
        const [open, close] = set.length > 1 ? ['(?:', ')'] : ['', ''];
        // must match entire pattern
        // ending in a * or ** will make it less strict.
        re = '^' + open + re + close + '$';
        // In partial mode, '/' should always match as it's a valid prefix for any pattern
        if (this.partial) {
            re = '^(?:\\/|' + open + re.slice(1, -1) + close + ')$';
        }
        // can match anything, as long as it's not this.
        if (this.negate)
            re = '^(?!' + re + ').+$';
        try {
            this.regexp = new RegExp(re, [...flags].join(''));
            /* c8 ignore start */
        }
        catch {
            // should be impossible
            this.regexp = false;
        }
        /* c8 ignore stop */
        return this.regexp;
    }
    slashSplit(p) {
        // if p starts with // on windows, we preserve that
        // so that UNC paths aren't broken.  Otherwise, any number of
        // / characters are coalesced into one, unless
        // preserveMultipleSlashes is set to true.
        if (this.preserveMultipleSlashes) {
            return p.split('/');
        }
        else if (this.isWindows && /^\/\/[^/]+/.test(p)) {
            // add an extra '' for the one we lose
            return ['', ...p.split(/\/+/)];
        }
        else {
            return p.split(/\/+/);
        }
    }
    match(f, partial = this.partial) {
        this.debug('match', f, this.pattern);
        // short-circuit in the case of busted things.
        // comments, etc.
        if (this.comment) {
            return false;
        }
        if (this.empty) {
            return f === '';
        }
        if (f === '/' && partial) {
            return true;
        }
        const options = this.options;
        // windows: need to use /, not \
        if (this.isWindows) {
            f = f.split('\\').join('/');
        }
        // treat the test path as a set of pathparts.
        const ff = this.slashSplit(f);
        this.debug(this.pattern, 'split', ff);
        // just ONE of the pattern sets in this.set needs to match
        // in order for it to be valid.  If negating, then just one
        // match means that we have failed.
        // Either way, return on the first hit.
        const set = this.set;
        this.debug(this.pattern, 'set', set);
        // Find the basename of the path by looking for the last non-empty segment
        let filename = ff[ff.length - 1];
        if (!filename) {
            for (let i = ff.length - 2; !filename && i >= 0; i--) {
                filename = ff[i];
            }
        }
        for (const pattern of set) {
            let file = ff;
            if (options.matchBase && pattern.length === 1) {
                file = [filename];
            }
            const hit = this.matchOne(file, pattern, partial);
            if (hit) {
                if (options.flipNegate) {
                    return true;
                }
                return !this.negate;
            }
        }
        // didn't get any hits.  this is success if it's a negative
        // pattern, failure otherwise.
        if (options.flipNegate) {
            return false;
        }
        return this.negate;
    }
    static defaults(def) {
        return minimatch.defaults(def).Minimatch;
    }
}
/* c8 ignore start */



/* c8 ignore stop */
minimatch.AST = AST;
minimatch.Minimatch = Minimatch;
minimatch.escape = escape_escape;
minimatch.unescape = unescape_unescape;
//# sourceMappingURL=index.js.map
;// CONCATENATED MODULE: ./src/sources/fragment.ts
/** Rendered (line, column) -> template (line, column). */
class SourceMap {
    segments;
    byLine = new Map();
    constructor(segments) {
        this.segments = segments;
        for (const segment of segments) {
            const list = this.byLine.get(segment.line);
            if (list === undefined)
                this.byLine.set(segment.line, [segment]);
            else
                list.push(segment);
        }
    }
    /**
     * Where the rendered character at (line, column) comes from. Literal text
     * keeps its own column; an expression's output maps to the start of its tag.
     */
    start(line, column) {
        const segment = this.find(line, column);
        if (segment === undefined)
            return this.fallback(line, column);
        if (segment.kind === 'expression')
            return segment.from;
        return { line: segment.from.line, column: segment.from.column + (column - segment.column) };
    }
    /** Exclusive end: the position just after the rendered character at column - 1. */
    end(line, endColumn) {
        const segment = this.find(line, endColumn - 1);
        if (segment === undefined)
            return this.fallback(line, endColumn);
        if (segment.kind === 'expression')
            return segment.to;
        return { line: segment.from.line, column: segment.from.column + (endColumn - segment.column) };
    }
    find(line, column) {
        const list = this.byLine.get(line);
        if (list === undefined)
            return undefined;
        for (const segment of list) {
            if (column >= segment.column && column < segment.endColumn)
                return segment;
        }
        return undefined;
    }
    /** A position past the end of a line (a parser pointing after the last character). */
    fallback(line, column) {
        const list = this.byLine.get(line);
        const last = list?.[list.length - 1];
        if (last === undefined)
            return { line, column };
        if (last.kind === 'expression')
            return last.to;
        return { line: last.from.line, column: last.from.column + (column - last.column) };
    }
}
function isSpanLike(value) {
    return (typeof value.file === 'string' &&
        typeof value.line === 'number' &&
        typeof value.column === 'number' &&
        typeof value.endLine === 'number' &&
        typeof value.endColumn === 'number');
}
/** A diagnostic-shaped object ({file, line, column} without an end). */
function isPointLike(value) {
    return (typeof value.file === 'string' &&
        typeof value.line === 'number' &&
        typeof value.column === 'number' &&
        value.endLine === undefined);
}
/**
 * Rewrites, in a copy of `value`, every Span (and every {file, line, column}
 * diagnostic position) of the fragment's file from rendered coordinates to
 * template coordinates. Parsers run unchanged on the rendered text under the
 * template's path; this walk then puts their positions back on the template.
 */
function remapSpans(value, fragment) {
    return walk(value, fragment, new Map());
}
function walk(value, fragment, seen) {
    if (value === null || typeof value !== 'object')
        return value;
    const done = seen.get(value);
    if (done !== undefined)
        return done;
    if (Array.isArray(value)) {
        const copy = [];
        seen.set(value, copy);
        for (const item of value)
            copy.push(walk(item, fragment, seen));
        return copy;
    }
    if (value instanceof Map) {
        const copy = new Map();
        seen.set(value, copy);
        for (const [k, v] of value)
            copy.set(k, walk(v, fragment, seen));
        return copy;
    }
    if (value instanceof Set) {
        const copy = new Set();
        seen.set(value, copy);
        for (const v of value)
            copy.add(walk(v, fragment, seen));
        return copy;
    }
    const prototype = Object.getPrototypeOf(value);
    if (prototype !== Object.prototype && prototype !== null)
        return value;
    const record = value;
    const copy = {};
    seen.set(value, copy);
    for (const [k, v] of Object.entries(record))
        copy[k] = walk(v, fragment, seen);
    if (record.file === fragment.file) {
        if (isSpanLike(record)) {
            const line = record.line;
            const column = record.column;
            const endLine = record.endLine;
            const endColumn = record.endColumn;
            const from = fragment.map.start(line, column);
            const empty = endLine === line && endColumn <= column;
            const to = empty ? from : fragment.map.end(endLine, endColumn);
            copy.line = from.line;
            copy.column = from.column;
            copy.endLine = to.line;
            copy.endColumn = to.column;
        }
        else if (isPointLike(record)) {
            const from = fragment.map.start(record.line, record.column);
            copy.line = from.line;
            copy.column = from.column;
        }
    }
    return copy;
}

;// CONCATENATED MODULE: ./src/sources/jinja2/values.ts
/**
 * Values of the restricted evaluator: plain data plus two markers.
 * UNKNOWN: could not be resolved (a lookup into data we do not have, a filter
 * we do not evaluate). UNDEFINED: a name the repository does not declare.
 */
const UNKNOWN = Symbol('unknown');
const UNDEFINED = Symbol('undefined');
function isPlainObject(value) {
    if (value === null || typeof value !== 'object' || Array.isArray(value))
        return false;
    const prototype = Object.getPrototypeOf(value);
    return prototype === Object.prototype || prototype === null;
}
/** true when the value or anything inside it is unknown or undefined. */
function containsUnknown(value, depth = 0) {
    if (value === UNKNOWN || value === UNDEFINED)
        return true;
    if (depth > 32)
        return true;
    if (Array.isArray(value))
        return value.some((v) => containsUnknown(v, depth + 1));
    if (isPlainObject(value))
        return Object.values(value).some((v) => containsUnknown(v, depth + 1));
    return false;
}
/** Python truthiness; UNKNOWN for unknown and undefined values. */
function truthy(value) {
    if (value === UNKNOWN || value === UNDEFINED)
        return UNKNOWN;
    if (value === null || value === false || value === 0 || value === '')
        return false;
    if (Array.isArray(value))
        return value.length > 0;
    if (isPlainObject(value))
        return Object.keys(value).length > 0;
    return true;
}
function repr(value) {
    if (typeof value === 'string')
        return `'${value.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
    return pythonString(value);
}
/** str() as Python prints it, which is what Jinja2 outputs. Callers check containsUnknown first. */
function pythonString(value) {
    if (typeof value === 'string')
        return value;
    if (value === null || value === undefined)
        return 'None';
    if (value === true)
        return 'True';
    if (value === false)
        return 'False';
    if (typeof value === 'number')
        return String(value);
    if (Array.isArray(value))
        return `[${value.map(repr).join(', ')}]`;
    if (isPlainObject(value))
        return `{${Object.entries(value).map(([k, v]) => `${repr(k)}: ${repr(v)}`).join(', ')}}`;
    return String(value);
}
function deepEqual(a, b) {
    if (a === b)
        return true;
    if (Array.isArray(a) && Array.isArray(b))
        return a.length === b.length && a.every((v, i) => deepEqual(v, b[i]));
    if (isPlainObject(a) && isPlainObject(b)) {
        const keys = Object.keys(a);
        return keys.length === Object.keys(b).length && keys.every((k) => deepEqual(a[k], b[k]));
    }
    return false;
}

;// CONCATENATED MODULE: ./src/sources/jinja2/evaluate.ts

const MAX_VARIABLE_DEPTH = 16;
const TEMPLATE_MARKERS = /\{\{|\{%/;
function evaluate(expression, context) {
    switch (expression.type) {
        case 'literal':
            return expression.value;
        case 'name':
            return lookupName(expression.name, context);
        case 'attribute':
            return member(evaluate(expression.object, context), expression.name);
        case 'index':
            return member(evaluate(expression.object, context), evaluate(expression.index, context));
        case 'list': {
            return expression.items.map((item) => evaluate(item, context));
        }
        case 'dict': {
            const result = {};
            for (const [k, v] of expression.entries) {
                const key = evaluate(k, context);
                if (typeof key !== 'string' && typeof key !== 'number')
                    return UNKNOWN;
                result[String(key)] = evaluate(v, context);
            }
            return result;
        }
        case 'not': {
            const t = truthy(evaluate(expression.operand, context));
            return t === UNKNOWN ? UNKNOWN : !t;
        }
        case 'negate': {
            const v = evaluate(expression.operand, context);
            return typeof v === 'number' ? -v : UNKNOWN;
        }
        case 'conditional': {
            const t = truthy(evaluate(expression.test, context));
            if (t === UNKNOWN)
                return UNKNOWN;
            if (t)
                return evaluate(expression.then, context);
            // Jinja2: a missing else gives undefined, which prints as ''.
            return expression.otherwise === null ? '' : evaluate(expression.otherwise, context);
        }
        case 'binary':
            return binary(expression.op, expression.left, expression.right, context);
        case 'filter':
            return evaluate_filter(expression, context);
        case 'test':
            return test(expression, context);
        case 'call':
            return call(expression, context);
    }
}
function lookupName(name, context) {
    for (let i = context.locals.length - 1; i >= 0; i--) {
        const frame = context.locals[i];
        if (frame.has(name))
            return frame.get(name);
    }
    const binding = context.scope.lookup(name);
    if (binding === undefined)
        return UNDEFINED;
    context.used.set(name, binding.origin);
    if (context.resolving.has(name) || context.depth >= MAX_VARIABLE_DEPTH)
        return UNKNOWN;
    context.resolving.add(name);
    try {
        // Variables are templated in the variables' own context, not with the template's loop or set names.
        return resolveTemplated(binding.value, { ...context, locals: [new Map()], depth: context.depth + 1 }, 0);
    }
    finally {
        context.resolving.delete(name);
    }
}
/** Ansible templates variable values lazily: strings holding `{{ }}` are rendered when read. */
function resolveTemplated(value, context, depth) {
    if (depth > 32)
        return UNKNOWN;
    if (typeof value === 'string')
        return TEMPLATE_MARKERS.test(value) ? context.renderString(value, context) : value;
    if (Array.isArray(value))
        return value.map((v) => resolveTemplated(v, context, depth + 1));
    if (isPlainObject(value)) {
        const result = {};
        for (const [k, v] of Object.entries(value))
            result[k] = resolveTemplated(v, context, depth + 1);
        return result;
    }
    return value;
}
function member(object, key) {
    if (object === UNKNOWN || object === UNDEFINED || key === UNKNOWN || key === UNDEFINED)
        return UNKNOWN;
    if (Array.isArray(object) && typeof key === 'number') {
        const index = key < 0 ? object.length + key : key;
        return index >= 0 && index < object.length ? object[index] : UNDEFINED;
    }
    if (isPlainObject(object) && (typeof key === 'string' || typeof key === 'number')) {
        const k = String(key);
        return Object.prototype.hasOwnProperty.call(object, k) ? object[k] : UNDEFINED;
    }
    return UNKNOWN;
}
function binary(op, leftExpression, rightExpression, context) {
    const left = evaluate(leftExpression, context);
    if (op === 'and' || op === 'or') {
        const t = truthy(left);
        if (t === UNKNOWN)
            return UNKNOWN;
        if (op === 'and')
            return t ? evaluate(rightExpression, context) : left;
        return t ? left : evaluate(rightExpression, context);
    }
    const right = evaluate(rightExpression, context);
    if (containsUnknown(left) || containsUnknown(right))
        return UNKNOWN;
    switch (op) {
        case '~':
            return pythonString(left) + pythonString(right);
        case '==':
            return deepEqual(left, right);
        case '!=':
            return !deepEqual(left, right);
        case 'in':
            if (typeof right === 'string' && typeof left === 'string')
                return right.includes(left);
            if (Array.isArray(right))
                return right.some((v) => deepEqual(v, left));
            if (isPlainObject(right) && typeof left === 'string')
                return Object.prototype.hasOwnProperty.call(right, left);
            return UNKNOWN;
        case '+':
            if (typeof left === 'number' && typeof right === 'number')
                return left + right;
            if (typeof left === 'string' && typeof right === 'string')
                return left + right;
            if (Array.isArray(left) && Array.isArray(right))
                return [...left, ...right];
            return UNKNOWN;
        default:
            break;
    }
    const comparable = (typeof left === 'number' && typeof right === 'number') || (typeof left === 'string' && typeof right === 'string');
    if (!comparable)
        return UNKNOWN;
    const a = left;
    const b = right;
    switch (op) {
        case '<':
            return a < b;
        case '>':
            return a > b;
        case '<=':
            return a <= b;
        case '>=':
            return a >= b;
    }
    if (typeof left !== 'number' || typeof right !== 'number')
        return UNKNOWN;
    switch (op) {
        case '-':
            return left - right;
        case '*':
            return left * right;
        case '/':
            return right === 0 ? UNKNOWN : left / right;
        case '//':
            return right === 0 ? UNKNOWN : Math.floor(left / right);
        case '%':
            return right === 0 ? UNKNOWN : left - right * Math.floor(left / right);
        default:
            return UNKNOWN;
    }
}
/** Ansible's `bool` filter: yes/on/1/true (any case) are true, everything else false. */
function ansibleBool(value) {
    if (typeof value === 'boolean')
        return value;
    if (value === null)
        return false;
    if (typeof value === 'number')
        return value === 1;
    if (typeof value === 'string')
        return ['yes', 'on', '1', 'true'].includes(value.trim().toLowerCase());
    return false;
}
function evaluate_filter(expression, context) {
    const operand = evaluate(expression.operand, context);
    const args = expression.args.map((a) => evaluate(a, context));
    const kwargs = Object.fromEntries(Object.entries(expression.kwargs).map(([k, v]) => [k, evaluate(v, context)]));
    switch (expression.name) {
        case 'default':
        case 'd': {
            const fallback = args[0] ?? kwargs.default_value ?? '';
            const boolean = truthy(args[1] ?? kwargs.boolean ?? false);
            if (operand === UNDEFINED)
                return fallback;
            if (operand === UNKNOWN)
                return UNKNOWN;
            if (boolean === true) {
                const t = truthy(operand);
                if (t === UNKNOWN)
                    return UNKNOWN;
                return t ? operand : fallback;
            }
            return operand;
        }
        default:
            break;
    }
    if (containsUnknown(operand) || args.some(containsUnknown))
        return UNKNOWN;
    switch (expression.name) {
        case 'join': {
            const separator = args[0] ?? kwargs.d ?? '';
            if (typeof separator !== 'string')
                return UNKNOWN;
            if (Array.isArray(operand))
                return operand.map(pythonString).join(separator);
            if (isPlainObject(operand))
                return Object.keys(operand).join(separator);
            if (typeof operand === 'string')
                return [...operand].join(separator);
            return UNKNOWN;
        }
        case 'lower':
            return pythonString(operand).toLowerCase();
        case 'upper':
            return pythonString(operand).toUpperCase();
        case 'string':
            return pythonString(operand);
        case 'trim':
            return pythonString(operand).trim();
        case 'bool':
            return ansibleBool(operand);
        case 'int': {
            if (typeof operand === 'number')
                return Math.trunc(operand);
            if (typeof operand === 'boolean')
                return operand ? 1 : 0;
            const parsed = typeof operand === 'string' ? Number.parseInt(operand.trim(), 10) : Number.NaN;
            const fallback = args[0] ?? 0;
            return Number.isNaN(parsed) ? fallback : parsed;
        }
        case 'length':
        case 'count':
            if (typeof operand === 'string' || Array.isArray(operand))
                return operand.length;
            if (isPlainObject(operand))
                return Object.keys(operand).length;
            return UNKNOWN;
        case 'list':
            if (Array.isArray(operand))
                return operand;
            if (typeof operand === 'string')
                return [...operand];
            if (isPlainObject(operand))
                return Object.keys(operand);
            return UNKNOWN;
        case 'dict2items':
            if (!isPlainObject(operand))
                return UNKNOWN;
            return Object.entries(operand).map(([key, value]) => ({ key, value }));
        default:
            return UNKNOWN;
    }
}
function test(expression, context) {
    const operand = evaluate(expression.operand, context);
    let result;
    switch (expression.name) {
        case 'defined':
            if (operand === UNKNOWN)
                return UNKNOWN;
            result = operand !== UNDEFINED;
            break;
        case 'undefined':
            if (operand === UNKNOWN)
                return UNKNOWN;
            result = operand === UNDEFINED;
            break;
        case 'none':
            if (operand === UNKNOWN || operand === UNDEFINED)
                return UNKNOWN;
            result = operand === null;
            break;
        default:
            return UNKNOWN;
    }
    return expression.negated ? !result : result;
}
/** Only the dict methods loops need: items(), keys(), values(), get(). */
function call(expression, context) {
    if (expression.callee.type !== 'attribute')
        return UNKNOWN;
    const object = evaluate(expression.callee.object, context);
    const args = expression.args.map((a) => evaluate(a, context));
    if (!isPlainObject(object))
        return UNKNOWN;
    switch (expression.callee.name) {
        case 'items':
            return Object.entries(object).map(([k, v]) => [k, v]);
        case 'keys':
            return Object.keys(object);
        case 'values':
            return Object.values(object);
        case 'get': {
            const key = args[0];
            if (typeof key !== 'string')
                return UNKNOWN;
            return Object.prototype.hasOwnProperty.call(object, key) ? object[key] : (args[1] ?? null);
        }
        default:
            return UNKNOWN;
    }
}

;// CONCATENATED MODULE: ./src/sources/jinja2/expression.ts
class ExpressionError extends Error {
    offset;
    constructor(message, offset) {
        super(message);
        this.offset = offset;
    }
}
const expression_OPERATORS = ['==', '!=', '<=', '>=', '//', '**', '.', '[', ']', '(', ')', '{', '}', ',', ':', '|', '~', '+', '-', '*', '/', '%', '<', '>', '='];
function isNameStart(c) {
    return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}
function isDigit(c) {
    return c >= 48 && c <= 57;
}
const ESCAPES = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"' };
/** Tokens of `text` (an expression's source); offsets are relative to `base`. */
function tokenizeExpression(text, base) {
    const tokens = [];
    let i = 0;
    while (i < text.length) {
        const c = text.charCodeAt(i);
        if (c === 32 || c === 9 || c === 10 || c === 13) {
            i++;
            continue;
        }
        const offset = base + i;
        if (isNameStart(c)) {
            let j = i + 1;
            while (j < text.length && (isNameStart(text.charCodeAt(j)) || isDigit(text.charCodeAt(j))))
                j++;
            tokens.push({ kind: 'name', text: text.slice(i, j), offset });
            i = j;
            continue;
        }
        if (isDigit(c)) {
            let j = i + 1;
            while (j < text.length && (isDigit(text.charCodeAt(j)) || text.charCodeAt(j) === 95))
                j++;
            if (text.charCodeAt(j) === 46 && isDigit(text.charCodeAt(j + 1))) {
                j++;
                while (j < text.length && isDigit(text.charCodeAt(j)))
                    j++;
            }
            const raw = text.slice(i, j);
            tokens.push({ kind: 'number', text: raw, value: Number(raw.replaceAll('_', '')), offset });
            i = j;
            continue;
        }
        if (c === 39 || c === 34) {
            let j = i + 1;
            let value = '';
            while (j < text.length && text.charCodeAt(j) !== c) {
                if (text.charCodeAt(j) === 92 && j + 1 < text.length) {
                    const e = text[j + 1] ?? '';
                    value += ESCAPES[e] ?? `\\${e}`;
                    j += 2;
                }
                else {
                    value += text[j];
                    j++;
                }
            }
            if (j >= text.length)
                throw new ExpressionError('unterminated string literal', offset);
            tokens.push({ kind: 'string', text: text.slice(i, j + 1), value, offset });
            i = j + 1;
            continue;
        }
        const op = expression_OPERATORS.find((o) => text.startsWith(o, i));
        if (op === undefined)
            throw new ExpressionError(`unexpected character '${text[i]}'`, offset);
        tokens.push({ kind: 'op', text: op, offset });
        i += op.length;
    }
    tokens.push({ kind: 'end', text: '', offset: base + text.length });
    return tokens;
}
/** Recursive-descent parser over a token list; `pos` is shared so statements can parse pieces. */
class ExpressionParser {
    tokens;
    pos = 0;
    constructor(tokens) {
        this.tokens = tokens;
    }
    peek(ahead = 0) {
        return this.tokens[Math.min(this.pos + ahead, this.tokens.length - 1)];
    }
    next() {
        const token = this.peek();
        if (this.pos < this.tokens.length - 1)
            this.pos++;
        return token;
    }
    isName(text, ahead = 0) {
        const t = this.peek(ahead);
        return t.kind === 'name' && t.text === text;
    }
    isOp(text, ahead = 0) {
        const t = this.peek(ahead);
        return t.kind === 'op' && t.text === text;
    }
    expectOp(text) {
        const t = this.next();
        if (t.kind !== 'op' || t.text !== text)
            throw new ExpressionError(`expected '${text}'`, t.offset);
    }
    expectName() {
        const t = this.next();
        if (t.kind !== 'name')
            throw new ExpressionError('expected a name', t.offset);
        return t.text;
    }
    atEnd() {
        return this.peek().kind === 'end';
    }
    expectEnd() {
        const t = this.peek();
        if (t.kind !== 'end')
            throw new ExpressionError(`unexpected '${t.text}'`, t.offset);
    }
    /** A full expression; `conditional` false stops before a trailing `if` (for-loop filters). */
    parseExpression(conditional = true) {
        const body = this.parseOr();
        if (!conditional || !this.isName('if'))
            return body;
        this.next();
        const test = this.parseOr();
        let otherwise = null;
        if (this.isName('else')) {
            this.next();
            otherwise = this.parseExpression();
        }
        return { type: 'conditional', test, then: body, otherwise };
    }
    parseOr() {
        let left = this.parseAnd();
        while (this.isName('or')) {
            this.next();
            left = { type: 'binary', op: 'or', left, right: this.parseAnd() };
        }
        return left;
    }
    parseAnd() {
        let left = this.parseNot();
        while (this.isName('and')) {
            this.next();
            left = { type: 'binary', op: 'and', left, right: this.parseNot() };
        }
        return left;
    }
    parseNot() {
        if (this.isName('not')) {
            this.next();
            return { type: 'not', operand: this.parseNot() };
        }
        return this.parseCompare();
    }
    parseCompare() {
        let left = this.parseMath1();
        for (;;) {
            const t = this.peek();
            if (t.kind === 'op' && ['==', '!=', '<', '>', '<=', '>='].includes(t.text)) {
                this.next();
                left = { type: 'binary', op: t.text, left, right: this.parseMath1() };
            }
            else if (this.isName('in')) {
                this.next();
                left = { type: 'binary', op: 'in', left, right: this.parseMath1() };
            }
            else if (this.isName('not') && this.isName('in', 1)) {
                this.next();
                this.next();
                left = { type: 'not', operand: { type: 'binary', op: 'in', left, right: this.parseMath1() } };
            }
            else
                return left;
        }
    }
    parseMath1() {
        let left = this.parseConcat();
        while (this.isOp('+') || this.isOp('-')) {
            const op = this.next().text;
            left = { type: 'binary', op, left, right: this.parseConcat() };
        }
        return left;
    }
    parseConcat() {
        let left = this.parseMath2();
        while (this.isOp('~')) {
            this.next();
            left = { type: 'binary', op: '~', left, right: this.parseMath2() };
        }
        return left;
    }
    parseMath2() {
        let left = this.parsePow();
        while (this.isOp('*') || this.isOp('/') || this.isOp('//') || this.isOp('%')) {
            const op = this.next().text;
            left = { type: 'binary', op, left, right: this.parsePow() };
        }
        return left;
    }
    parsePow() {
        let left = this.parseUnary();
        while (this.isOp('**')) {
            this.next();
            left = { type: 'binary', op: '**', left, right: this.parseUnary() };
        }
        return left;
    }
    parseUnary() {
        if (this.isOp('-')) {
            this.next();
            return this.parseFilters({ type: 'negate', operand: this.parseUnary() });
        }
        if (this.isOp('+')) {
            this.next();
            return this.parseUnary();
        }
        return this.parseFilters(this.parsePostfix(this.parsePrimary()));
    }
    parseFilters(operand) {
        let node = operand;
        for (;;) {
            if (this.isOp('|')) {
                this.next();
                let name = this.expectName();
                while (this.isOp('.')) {
                    this.next();
                    name = `${name}.${this.expectName()}`;
                }
                let args = [];
                let kwargs = {};
                if (this.isOp('('))
                    ({ args, kwargs } = this.parseArguments());
                node = { type: 'filter', operand: node, name, args, kwargs };
            }
            else if (this.isName('is')) {
                this.next();
                let negated = false;
                if (this.isName('not')) {
                    this.next();
                    negated = true;
                }
                const name = this.expectName();
                let args = [];
                if (this.isOp('('))
                    args = this.parseArguments().args;
                else {
                    const t = this.peek();
                    const startsOperand = t.kind === 'string' || t.kind === 'number' ||
                        (t.kind === 'name' && !['and', 'or', 'if', 'else', 'is', 'in', 'not'].includes(t.text));
                    if (startsOperand)
                        args = [this.parsePostfix(this.parsePrimary())];
                }
                node = { type: 'test', operand: node, name, negated, args };
            }
            else
                return node;
        }
    }
    parseArguments() {
        this.expectOp('(');
        const args = [];
        const kwargs = {};
        while (!this.isOp(')')) {
            if (this.peek().kind === 'name' && this.isOp('=', 1)) {
                const key = this.next().text;
                this.next();
                kwargs[key] = this.parseExpression();
            }
            else
                args.push(this.parseExpression());
            if (!this.isOp(','))
                break;
            this.next();
        }
        this.expectOp(')');
        return { args, kwargs };
    }
    parsePostfix(primary) {
        let node = primary;
        for (;;) {
            if (this.isOp('.')) {
                this.next();
                const t = this.next();
                if (t.kind === 'name')
                    node = { type: 'attribute', object: node, name: t.text };
                else if (t.kind === 'number')
                    node = { type: 'index', object: node, index: { type: 'literal', value: t.value } };
                else
                    throw new ExpressionError('expected an attribute name', t.offset);
            }
            else if (this.isOp('[')) {
                this.next();
                const index = this.parseExpression();
                this.expectOp(']');
                node = { type: 'index', object: node, index };
            }
            else if (this.isOp('(')) {
                const { args, kwargs } = this.parseArguments();
                node = { type: 'call', callee: node, args, kwargs };
            }
            else
                return node;
        }
    }
    parsePrimary() {
        const t = this.next();
        switch (t.kind) {
            case 'name':
                if (t.text === 'true' || t.text === 'True')
                    return { type: 'literal', value: true };
                if (t.text === 'false' || t.text === 'False')
                    return { type: 'literal', value: false };
                if (t.text === 'none' || t.text === 'None')
                    return { type: 'literal', value: null };
                return { type: 'name', name: t.text };
            case 'string': {
                let value = t.value;
                while (this.peek().kind === 'string')
                    value += this.next().value;
                return { type: 'literal', value };
            }
            case 'number':
                return { type: 'literal', value: t.value };
            case 'op':
                if (t.text === '(') {
                    if (this.isOp(')')) {
                        this.next();
                        return { type: 'list', items: [] };
                    }
                    const first = this.parseExpression();
                    if (!this.isOp(',')) {
                        this.expectOp(')');
                        return first;
                    }
                    const items = [first];
                    while (this.isOp(',')) {
                        this.next();
                        if (this.isOp(')'))
                            break;
                        items.push(this.parseExpression());
                    }
                    this.expectOp(')');
                    return { type: 'list', items };
                }
                if (t.text === '[') {
                    const items = [];
                    while (!this.isOp(']')) {
                        items.push(this.parseExpression());
                        if (!this.isOp(','))
                            break;
                        this.next();
                    }
                    this.expectOp(']');
                    return { type: 'list', items };
                }
                if (t.text === '{') {
                    const entries = [];
                    while (!this.isOp('}')) {
                        const key = this.parseExpression();
                        this.expectOp(':');
                        entries.push([key, this.parseExpression()]);
                        if (!this.isOp(','))
                            break;
                        this.next();
                    }
                    this.expectOp('}');
                    return { type: 'dict', entries };
                }
                throw new ExpressionError(`unexpected '${t.text}'`, t.offset);
            default:
                throw new ExpressionError('unexpected end of expression', t.offset);
        }
    }
}
/** Parses a whole expression source (throws ExpressionError). */
function parseExpressionText(text, base) {
    const parser = new ExpressionParser(tokenizeExpression(text, base));
    const expression = parser.parseExpression();
    parser.expectEnd();
    return expression;
}

;// CONCATENATED MODULE: ./src/sources/jinja2/lexer.ts
function isSpace(code) {
    return code === 32 || code === 9 || code === 10 || code === 13 || code === 11 || code === 12;
}
/** Index of `close` outside string literals, from `from`; -1 when absent. */
function findClose(text, from, close) {
    let quote = 0;
    for (let i = from; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (quote !== 0) {
            if (c === 92)
                i++;
            else if (c === quote)
                quote = 0;
            continue;
        }
        if (c === 39 || c === 34)
            quote = c;
        else if (text.startsWith(close, i))
            return i;
    }
    return -1;
}
const RAW_OPEN = /^\s*raw\s*$/;
/** `{% endraw %}` with optional whitespace control; linear (no nested quantifiers). */
const RAW_CLOSE = /\{%[-+]?\s*endraw\s*-?%\}/g;
function lexTemplate(text, options, at) {
    const tokens = [];
    const diagnostics = [];
    let pos = 0;
    /** Whitespace after the previous tag must be stripped (`-}}`) or one newline removed (trim_blocks). */
    let stripNext = 'none';
    const pushText = (start, end, stripEnd) => {
        let s = start;
        if (stripNext === 'all')
            while (s < end && isSpace(text.charCodeAt(s)))
                s++;
        else if (stripNext === 'newline') {
            if (text.charCodeAt(s) === 10)
                s++;
            else if (text.charCodeAt(s) === 13 && text.charCodeAt(s + 1) === 10)
                s += 2;
        }
        let e = end;
        if (stripEnd)
            while (e > s && isSpace(text.charCodeAt(e - 1)))
                e--;
        if (e > s)
            tokens.push({ kind: 'text', start: s, end: e });
        stripNext = 'none';
    };
    while (pos < text.length) {
        let open = text.indexOf('{', pos);
        while (open !== -1) {
            const next = text.charCodeAt(open + 1);
            if (next === 123 || next === 37 || next === 35)
                break;
            open = text.indexOf('{', open + 1);
        }
        if (open === -1) {
            pushText(pos, text.length, false);
            break;
        }
        const kind = text.charCodeAt(open + 1);
        const dash = text.charCodeAt(open + 2) === 45;
        pushText(pos, open, dash);
        const close = kind === 123 ? '}}' : kind === 37 ? '%}' : '#}';
        const innerStart = open + 2 + (dash || text.charCodeAt(open + 2) === 43 ? 1 : 0);
        const closeAt = kind === 35 ? text.indexOf(close, innerStart) : findClose(text, innerStart, close);
        if (closeAt === -1) {
            const where = at(open);
            const what = kind === 123 ? "'{{'" : kind === 37 ? "'{%'" : "'{#'";
            diagnostics.push({ line: where.line, column: where.column, message: `unterminated ${what}: no matching '${close}'` });
            return { tokens, diagnostics };
        }
        const closeDash = closeAt > innerStart && text.charCodeAt(closeAt - 1) === 45;
        const closePlus = kind !== 123 && closeAt > innerStart && text.charCodeAt(closeAt - 1) === 43;
        const bodyEnd = closeDash || closePlus ? closeAt - 1 : closeAt;
        const end = closeAt + 2;
        if (closeDash)
            stripNext = 'all';
        else if (kind !== 123 && !closePlus && options.trimBlocks)
            stripNext = 'newline';
        else
            stripNext = 'none';
        if (kind === 123)
            tokens.push({ kind: 'output', start: open, end, bodyStart: innerStart, bodyEnd });
        else if (kind === 37) {
            if (RAW_OPEN.test(text.slice(innerStart, bodyEnd))) {
                RAW_CLOSE.lastIndex = end;
                const m = RAW_CLOSE.exec(text);
                if (m === null) {
                    const where = at(open);
                    diagnostics.push({ line: where.line, column: where.column, message: "'{% raw %}' without '{% endraw %}'" });
                    return { tokens, diagnostics };
                }
                const rawEnd = m.index + m[0].length;
                const endDash = m[0].startsWith('{%-');
                pushText(end, m.index, endDash);
                const trailingDash = m[0].endsWith('-%}');
                stripNext = trailingDash ? 'all' : m[0].endsWith('+%}') || !options.trimBlocks ? 'none' : 'newline';
                pos = rawEnd;
                continue;
            }
            tokens.push({ kind: 'statement', start: open, end, bodyStart: innerStart, bodyEnd });
        }
        pos = end;
    }
    return { tokens, diagnostics };
}

;// CONCATENATED MODULE: ./src/sources/jinja2/parser.ts


/** Tags with a body closed by `end<name>`, that we keep but do not evaluate. */
const OPAQUE_BLOCKS = new Set(['block', 'with', 'filter', 'macro', 'call', 'autoescape', 'trans']);
/** Single tags that pull in other templates or run code: nothing is rendered for them. */
const OPAQUE_TAGS = new Set(['include', 'import', 'from', 'extends', 'do']);
class TemplateSyntaxError extends Error {
    offset;
    constructor(message, offset) {
        super(message);
        this.offset = offset;
    }
}
function parseTemplate(text, options, at) {
    const lexed = lexTemplate(text, options, at);
    const root = [];
    const stack = [{ tag: 'root', start: 0, open: { line: 1, column: 1 }, node: null, body: root }];
    const top = () => stack[stack.length - 1];
    try {
        for (const token of lexed.tokens) {
            if (token.kind === 'text') {
                top().body.push({ type: 'text', start: token.start, end: token.end });
                continue;
            }
            const source = text.slice(token.bodyStart, token.bodyEnd);
            if (token.kind === 'output') {
                if (source.trim() === '')
                    throw new TemplateSyntaxError("empty expression '{{ }}'", token.start);
                top().body.push({ type: 'output', expression: parseExpressionText(source, token.bodyStart), start: token.start, end: token.end });
                continue;
            }
            const parser = new ExpressionParser(tokenizeExpression(source, token.bodyStart));
            if (parser.atEnd())
                throw new TemplateSyntaxError("empty tag '{% %}'", token.start);
            const keywordToken = parser.next();
            const keyword = keywordToken.kind === 'name' ? keywordToken.text : '';
            const frame = top();
            const ifNode = frame.node?.type === 'if' ? frame.node : null;
            const closeBranch = () => {
                const last = ifNode?.branches[ifNode.branches.length - 1];
                if (last !== undefined)
                    last.end = token.start;
            };
            switch (keyword) {
                case 'if': {
                    const test = parser.parseExpression();
                    parser.expectEnd();
                    const branch = { test, body: [], start: token.start, end: token.end };
                    const node = { type: 'if', branches: [branch], start: token.start, end: token.end };
                    frame.body.push(node);
                    stack.push({ tag: 'if', start: token.start, open: at(token.start), node, body: branch.body });
                    break;
                }
                case 'elif':
                case 'else': {
                    if (frame.tag === 'for' && keyword === 'else' && frame.node?.type === 'for') {
                        frame.body = frame.node.otherwise;
                        break;
                    }
                    if (ifNode === null)
                        throw new TemplateSyntaxError(`'${keyword}' outside an 'if'`, token.start);
                    if (ifNode.branches[ifNode.branches.length - 1]?.test === null) {
                        throw new TemplateSyntaxError(`'${keyword}' after 'else'`, token.start);
                    }
                    closeBranch();
                    const test = keyword === 'elif' ? parser.parseExpression() : null;
                    parser.expectEnd();
                    const branch = { test, body: [], start: token.start, end: token.end };
                    ifNode.branches.push(branch);
                    frame.body = branch.body;
                    break;
                }
                case 'for': {
                    const targets = [parser.expectName()];
                    while (parser.isOp(',')) {
                        parser.next();
                        targets.push(parser.expectName());
                    }
                    if (!parser.isName('in'))
                        throw new TemplateSyntaxError("expected 'in' in 'for'", token.start);
                    parser.next();
                    const iterable = parser.parseExpression(false);
                    let filter = null;
                    if (parser.isName('if')) {
                        parser.next();
                        filter = parser.parseExpression(false);
                    }
                    if (parser.isName('recursive'))
                        parser.next();
                    parser.expectEnd();
                    const node = { type: 'for', targets, iterable, filter, body: [], otherwise: [], start: token.start, end: token.end };
                    frame.body.push(node);
                    stack.push({ tag: 'for', start: token.start, open: at(token.start), node, body: node.body });
                    break;
                }
                case 'set': {
                    const targets = [parser.expectName()];
                    while (parser.isOp(',')) {
                        parser.next();
                        targets.push(parser.expectName());
                    }
                    if (parser.isOp('=')) {
                        parser.next();
                        const value = parser.parseExpression();
                        parser.expectEnd();
                        frame.body.push({ type: 'set', targets, value, start: token.start });
                    }
                    else {
                        parser.expectEnd();
                        const node = { type: 'set-block', name: targets[0], body: [], start: token.start };
                        frame.body.push(node);
                        stack.push({ tag: 'set', start: token.start, open: at(token.start), node, body: node.body });
                    }
                    break;
                }
                default: {
                    if (keyword.startsWith('end')) {
                        const name = keyword.slice(3);
                        if (frame.tag !== name) {
                            const expected = frame.tag === 'root' ? `no open block` : `'end${frame.tag}' for line ${frame.open.line}`;
                            throw new TemplateSyntaxError(`unexpected '${keyword}' (expected ${expected})`, token.start);
                        }
                        closeBranch();
                        if (frame.node !== null && 'end' in frame.node)
                            frame.node.end = token.end;
                        stack.pop();
                    }
                    else if (OPAQUE_BLOCKS.has(keyword)) {
                        const node = { type: 'opaque', name: keyword, body: [], start: token.start, end: token.end };
                        frame.body.push(node);
                        stack.push({ tag: keyword, start: token.start, open: at(token.start), node, body: node.body });
                    }
                    else if (OPAQUE_TAGS.has(keyword)) {
                        frame.body.push({ type: 'opaque', name: keyword, body: null, start: token.start, end: token.end });
                    }
                    else {
                        throw new TemplateSyntaxError(`unknown tag '${keyword || source.trim()}'`, token.start);
                    }
                }
            }
        }
    }
    catch (error) {
        if (error instanceof TemplateSyntaxError || error instanceof ExpressionError) {
            const where = at(error.offset);
            return { nodes: [], diagnostics: [...lexed.diagnostics, { line: where.line, column: where.column, message: error.message }] };
        }
        throw error;
    }
    if (lexed.diagnostics.length > 0)
        return { nodes: [], diagnostics: lexed.diagnostics };
    const open = top();
    if (open.tag !== 'root') {
        return {
            nodes: [],
            diagnostics: [{ line: open.open.line, column: open.open.column, message: `'${open.tag}' is never closed (missing 'end${open.tag}')` }],
        };
    }
    return { nodes: root, diagnostics: [] };
}

;// CONCATENATED MODULE: ./src/sources/jinja2/render.ts



const DEFAULT_LIMITS = { maxOutput: 1_000_000, maxIterations: 10_000 };
class LimitReached extends Error {
}
/**
 * Walks the parsed template. A branch whose condition is unknown is rendered
 * with its lines marked "maybe"; a loop over unknown data is rendered once
 * with its variables unknown, also "maybe" (so `{{ k }} = {{ v }}` gives a
 * line whose name and value are unknown).
 */
class Renderer {
    text;
    context;
    limits;
    at;
    output = { pieces: [], alternatives: [], diagnostics: [], skipped: [] };
    size = 0;
    iterations = 0;
    constructor(text, context, limits, at) {
        this.text = text;
        this.context = context;
        this.limits = limits;
        this.at = at;
    }
    run(nodes) {
        try {
            this.renderNodes(nodes, false);
        }
        catch (error) {
            if (!(error instanceof LimitReached))
                throw error;
        }
        return this.output;
    }
    limit(offset, message) {
        const where = this.at(offset);
        this.output.diagnostics.push({ line: where.line, column: where.column, message });
        throw new LimitReached(message);
    }
    emit(piece, offset) {
        this.size += piece.text.length;
        if (this.size > this.limits.maxOutput)
            this.limit(offset, `rendered output exceeds ${this.limits.maxOutput} characters`);
        this.output.pieces.push(piece);
    }
    renderNodes(nodes, maybe) {
        for (const node of nodes)
            this.renderNode(node, maybe);
    }
    renderNode(node, maybe) {
        switch (node.type) {
            case 'text':
                this.emit({ kind: 'literal', text: this.text.slice(node.start, node.end), offset: node.start, maybe }, node.start);
                return;
            case 'output': {
                const value = evaluate(node.expression, this.context);
                const text = containsUnknown(value) ? UNKNOWN_MARK : pythonString(value);
                if (text !== '')
                    this.emit({ kind: 'expression', text, start: node.start, end: node.end, maybe }, node.start);
                return;
            }
            case 'if':
                this.renderIf(node.branches, maybe);
                return;
            case 'for':
                this.renderFor(node, maybe);
                return;
            case 'set': {
                const value = evaluate(node.value, this.context);
                const frame = this.context.locals[this.context.locals.length - 1];
                if (node.targets.length === 1)
                    frame.set(node.targets[0], maybe ? UNKNOWN : value);
                else
                    node.targets.forEach((t, i) => frame.set(t, Array.isArray(value) && !maybe ? value[i] : UNKNOWN));
                return;
            }
            case 'set-block': {
                const inner = new Renderer(this.text, this.context, this.limits, this.at);
                inner.renderNodes(node.body, false);
                const text = inner.output.pieces.map((p) => p.text).join('');
                const frame = this.context.locals[this.context.locals.length - 1];
                frame.set(node.name, maybe || text.includes(UNKNOWN_MARK) ? UNKNOWN : text);
                return;
            }
            case 'opaque':
                this.output.skipped.push({ offset: node.start, tag: node.name });
                // A block or autoescape body is ordinary template text; other bodies (macro, call, filter, with) are not evaluated.
                if (node.body !== null && (node.name === 'block' || node.name === 'autoescape'))
                    this.renderNodes(node.body, maybe);
                return;
        }
    }
    renderIf(branches, maybe) {
        let uncertain = false;
        for (let i = 0; i < branches.length; i++) {
            const branch = branches[i];
            const t = branch.test === null ? true : truthy(evaluate(branch.test, this.context));
            if (t === false)
                continue;
            if (t === true) {
                this.renderNodes(branch.body, maybe || uncertain);
                return;
            }
            // Unknown condition: this branch may be taken; the later ones could apply instead.
            uncertain = true;
            this.renderNodes(branch.body, true);
            for (const rest of branches.slice(i + 1))
                this.output.alternatives.push({ start: rest.start, end: rest.end });
            return;
        }
    }
    renderFor(node, maybe) {
        const iterable = evaluate(node.iterable, this.context);
        const items = iterationItems(iterable);
        if (items === null) {
            this.withFrame(() => {
                const frame = this.frame();
                for (const target of node.targets)
                    frame.set(target, UNKNOWN);
                frame.set('loop', UNKNOWN);
                this.renderNodes(node.body, true);
            });
            return;
        }
        let rendered = 0;
        this.withFrame(() => {
            items.forEach((item, index) => {
                this.iterations++;
                if (this.iterations > this.limits.maxIterations)
                    this.limit(node.start, `more than ${this.limits.maxIterations} loop iterations`);
                const frame = this.frame();
                frame.clear();
                bindTargets(frame, node.targets, item);
                frame.set('loop', {
                    index: index + 1,
                    index0: index,
                    revindex: items.length - index,
                    revindex0: items.length - index - 1,
                    first: index === 0,
                    last: index === items.length - 1,
                    length: items.length,
                });
                let itemMaybe = maybe;
                if (node.filter !== null) {
                    const keep = truthy(evaluate(node.filter, this.context));
                    if (keep === false)
                        return;
                    if (keep === UNKNOWN)
                        itemMaybe = true;
                }
                rendered++;
                this.renderNodes(node.body, itemMaybe);
            });
        });
        if (rendered === 0)
            this.renderNodes(node.otherwise, maybe);
    }
    frame() {
        return this.context.locals[this.context.locals.length - 1];
    }
    withFrame(body) {
        this.context.locals.push(new Map());
        try {
            body();
        }
        finally {
            this.context.locals.pop();
        }
    }
}
/** What a `for` walks: lists as they are, dict keys (Python iteration), string characters; null when unknown. */
function iterationItems(value) {
    if (value === UNKNOWN || typeof value === 'symbol')
        return null;
    if (Array.isArray(value))
        return value;
    if (isPlainObject(value))
        return Object.keys(value);
    if (typeof value === 'string')
        return [...value];
    return null;
}
function bindTargets(frame, targets, item) {
    if (targets.length === 1) {
        frame.set(targets[0], item);
        return;
    }
    targets.forEach((target, i) => frame.set(target, Array.isArray(item) ? (item[i] ?? UNKNOWN) : UNKNOWN));
}

;// CONCATENATED MODULE: ./src/sources/jinja2/index.ts







const ANSIBLE_OPTIONS = { trimBlocks: true, limits: DEFAULT_LIMITS };
/** A whole `{{ expr }}` value keeps its type (Ansible: a list stays a list). */
const SINGLE_EXPRESSION = /^\s*\{\{-?([^]*?)-?\}\}\s*$/;
function renderJinja2(path, text, scope, options = ANSIBLE_OPTIONS) {
    const index = new LineIndex(text);
    const at = (offset) => index.position(offset);
    const context = {
        scope,
        locals: [new Map()],
        used: new Map(),
        renderString: (value, inner) => renderVariableText(value, inner, options),
        depth: 0,
        resolving: new Set(),
    };
    const parsed = parseTemplate(text, options, at);
    const empty = () => ({ file: path, text: '', form: 'jinja2', map: new SourceMap([]), maybeLines: new Set(), alternatives: [] });
    if (parsed.diagnostics.length > 0) {
        return { fragment: empty(), diagnostics: parsed.diagnostics, usedVariables: context.used, skipped: [] };
    }
    const output = new Renderer(text, context, options.limits, at).run(parsed.nodes);
    const { segments, maybeLines, rendered } = buildMap(output.pieces, index);
    const alternatives = output.alternatives.map((range) => {
        const from = index.position(range.start);
        const to = index.position(range.end);
        return { file: path, line: from.line, column: from.column, endLine: to.line, endColumn: to.column };
    });
    return {
        fragment: { file: path, text: rendered, form: 'jinja2', map: new SourceMap(segments), maybeLines, alternatives },
        diagnostics: output.diagnostics,
        usedVariables: context.used,
        skipped: output.skipped.map((s) => ({ ...index.position(s.offset), tag: s.tag })),
    };
}
/** Cuts the pieces at rendered newlines into per-line segments (a newline belongs to the line it ends). */
function buildMap(pieces, index) {
    const segments = [];
    const maybeLines = new Set();
    let line = 1;
    let column = 1;
    for (const piece of pieces) {
        let from = 0;
        while (from < piece.text.length) {
            const newline = piece.text.indexOf('\n', from);
            const to = newline === -1 ? piece.text.length : newline + 1;
            const length = to - from;
            const start = piece.kind === 'literal' ? index.position(piece.offset + from) : index.position(piece.start);
            const end = piece.kind === 'literal' ? start : index.position(piece.end);
            segments.push({ line, column, endColumn: column + length, kind: piece.kind, from: start, to: end });
            if (piece.maybe && piece.text.slice(from, to).trim() !== '')
                maybeLines.add(line);
            if (newline === -1)
                column += length;
            else {
                line++;
                column = 1;
            }
            from = to;
        }
    }
    return { segments, maybeLines, rendered: pieces.map((p) => p.text).join('') };
}
/** A variable's value that is itself Jinja text, rendered with the same restricted evaluator. */
function renderVariableText(value, context, options) {
    const single = SINGLE_EXPRESSION.exec(value);
    if (single !== null && !(single[1] ?? '').includes('}}')) {
        try {
            return evaluate(parseExpressionText(single[1] ?? '', 0), context);
        }
        catch {
            return UNKNOWN;
        }
    }
    const index = new LineIndex(value);
    const parsed = parseTemplate(value, options, (o) => index.position(o));
    if (parsed.diagnostics.length > 0)
        return UNKNOWN;
    const output = new Renderer(value, context, options.limits, (o) => index.position(o)).run(parsed.nodes);
    if (output.diagnostics.length > 0)
        return UNKNOWN;
    const text = output.pieces.map((p) => p.text).join('');
    return text.includes(UNKNOWN_MARK) ? UNKNOWN : text;
}

;// CONCATENATED MODULE: ./src/sources/ansible-vars.ts


/** Where a template sits in an Ansible tree: its role folder (if any) and the folder holding `roles/`. */
function ansibleLayout(templatePath) {
    const parts = templatePath.split('/');
    const templates = parts.lastIndexOf('templates');
    if (templates < 0)
        return null;
    const rolesAt = templates - 2;
    if (rolesAt >= 0 && parts[rolesAt] === 'roles') {
        return { role: parts.slice(0, templates).join('/'), project: parts.slice(0, rolesAt).join('/') || '.' };
    }
    return { role: null, project: parts.slice(0, templates).join('/') || '.' };
}
function join(dir, name) {
    return dir === '.' || dir === '' ? name : `${dir}/${name}`;
}
const YAML_NAMES = ['main.yml', 'main.yaml', 'main'];
/** Ansible loads `defaults/main.yml`, `main.yaml`, `main`, or every file of a `main/` folder. */
function roleFiles(repo, dir) {
    for (const name of YAML_NAMES) {
        const candidate = join(dir, name);
        if (repo.isDirectory(candidate))
            return yamlFilesOf(repo, candidate);
        if (repo.read(candidate) !== undefined)
            return [candidate];
    }
    return [];
}
function yamlFilesOf(repo, dir) {
    return repo
        .list(dir)
        .filter((n) => n.endsWith('.yml') || n.endsWith('.yaml') || n.endsWith('.json'))
        .map((n) => join(dir, n));
}
/** group_vars/all as a file (all, all.yml, all.yaml, all.json) or a folder of files, nearest folder up from the project. */
function groupVarsAllFiles(repo, project) {
    let dir = project;
    for (;;) {
        const groupVars = join(dir, 'group_vars');
        if (repo.isDirectory(groupVars)) {
            const found = [];
            const all = join(groupVars, 'all');
            if (repo.isDirectory(all))
                found.push(...yamlFilesOf(repo, all));
            for (const name of ['all', 'all.yml', 'all.yaml', 'all.json']) {
                const file = join(groupVars, name);
                if (!repo.isDirectory(file) && repo.read(file) !== undefined)
                    found.push(file);
            }
            if (found.length > 0)
                return found;
        }
        if (dir === '.' || dir === '')
            return [];
        const slash = dir.lastIndexOf('/');
        dir = slash < 0 ? '.' : dir.slice(0, slash);
    }
}
/**
 * Reads one variables file. Ansible reads YAML 1.1 (PyYAML): `yes`/`no`/`on`/`off` are booleans.
 * Vault-encrypted values (`!vault`) are unknown.
 */
function readVariablesFile(file, text, diagnostics) {
    const values = new Map();
    const lineCounter = new dist/* LineCounter */.HN();
    const document = (0,dist/* parseDocument */.Tp)(text, { lineCounter, version: '1.1', prettyErrors: false, uniqueKeys: false });
    for (const error of document.errors) {
        const pos = lineCounter.linePos(error.pos[0]);
        diagnostics.push({ file, line: pos.line, column: pos.col, message: error.message.split('\n')[0] ?? error.message });
    }
    if (document.errors.length > 0)
        return { file, values };
    const contents = document.contents;
    if (!(0,dist/* isMap */.jh)(contents))
        return { file, values };
    let data = {};
    try {
        data = (document.toJS({ maxAliasCount: 100 }) ?? {});
    }
    catch (error) {
        diagnostics.push({ file, line: 1, column: 1, message: String(error.message) });
        return { file, values };
    }
    for (const pair of contents.items) {
        if (!(0,dist/* isScalar */.jn)(pair.key))
            continue;
        const name = String(pair.key.value);
        const start = pair.key.range?.[0] ?? 0;
        const line = lineCounter.linePos(start).line;
        const node = pair.value;
        const value = node !== null && node.tag === '!vault' ? UNKNOWN : data[name];
        // Later keys win, as PyYAML builds the dict.
        values.set(name, { value, origin: { file, line } });
    }
    return { file, values };
}
/**
 * The variables an Ansible role template sees, by Ansible's precedence (from
 * "Understanding variable precedence", highest first among what a repository
 * declares): extra vars (`--vars`), role `vars/main.yml`, `group_vars/all`
 * (inventory or playbook), role `defaults/main.yml`. Inventory host and group
 * variables other than `all`, facts and play vars are not read.
 */
function loadAnsibleVariables(templatePath, repo, extra = []) {
    const diagnostics = [];
    const layout = ansibleLayout(templatePath);
    const files = [];
    const fileLayers = (paths) => {
        // Within one folder later files win: reverse so the first match is the winner.
        const layers = [];
        for (const file of paths) {
            const text = repo.read(file);
            if (text === undefined)
                continue;
            layers.push(readVariablesFile(file, text, diagnostics));
        }
        return layers.reverse();
    };
    const layers = [];
    if (layout !== null) {
        if (layout.role !== null)
            layers.push(...fileLayers(roleFiles(repo, join(layout.role, 'vars'))));
        layers.push(...fileLayers(groupVarsAllFiles(repo, layout.project)));
        if (layout.role !== null)
            layers.push(...fileLayers(roleFiles(repo, join(layout.role, 'defaults'))));
    }
    for (const layer of layers)
        files.push(layer.file);
    const lookup = (name) => {
        for (const scope of extra) {
            const found = scope.lookup(name);
            if (found !== undefined)
                return found;
        }
        for (const layer of layers) {
            const found = layer.values.get(name);
            if (found !== undefined)
                return found;
        }
        return undefined;
    };
    return {
        lookup,
        lookupOrigin: (name) => lookup(name)?.origin ?? undefined,
        files,
        diagnostics,
    };
}

;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
;// CONCATENATED MODULE: ./src/sources/repository.ts


/** Variables files are small; a bigger one is not read (bounded memory). */
const MAX_VARIABLES_BYTES = 1024 * 1024;
/** An in-memory repository (tests, and callers that already hold the files). */
function memoryRepository(files) {
    const dirs = new Map();
    for (const file of Object.keys(files)) {
        const parts = file.split('/');
        for (let i = 0; i < parts.length; i++) {
            const dir = parts.slice(0, i).join('/') || '.';
            const set = dirs.get(dir) ?? new Set();
            set.add(parts[i]);
            dirs.set(dir, set);
        }
    }
    return {
        read: (p) => files[p],
        list: (d) => [...(dirs.get(d === '' ? '.' : d) ?? [])].sort(),
        isDirectory: (p) => dirs.has(p === '' ? '.' : p),
    };
}
/** The real file system under `root`; never follows a link out of the root. */
function fileSystemRepository(root) {
    const realRoot = (0,external_node_fs_namespaceObject.realpathSync)(root);
    const inside = (relativePath) => {
        try {
            const full = (0,external_node_fs_namespaceObject.realpathSync)(external_node_path_default().join(root, ...relativePath.split('/')));
            const rel = external_node_path_default().relative(realRoot, full);
            if (rel.startsWith('..') || external_node_path_default().isAbsolute(rel))
                return undefined;
            return full;
        }
        catch {
            return undefined;
        }
    };
    return {
        read(relativePath) {
            const full = inside(relativePath);
            if (full === undefined)
                return undefined;
            try {
                const stat = (0,external_node_fs_namespaceObject.statSync)(full);
                if (!stat.isFile() || stat.size > MAX_VARIABLES_BYTES)
                    return undefined;
                return (0,external_node_fs_namespaceObject.readFileSync)(full, 'utf8');
            }
            catch {
                return undefined;
            }
        },
        list(relativeDir) {
            const full = inside(relativeDir);
            if (full === undefined)
                return [];
            try {
                return (0,external_node_fs_namespaceObject.readdirSync)(full).sort();
            }
            catch {
                return [];
            }
        },
        isDirectory(relativePath) {
            const full = inside(relativePath);
            try {
                return full !== undefined && (0,external_node_fs_namespaceObject.statSync)(full).isDirectory();
            }
            catch {
                return false;
            }
        },
    };
}

;// CONCATENATED MODULE: ./src/sources/variables.ts
/** A scope over a plain object (tests, `--vars` files). */
function plainScope(values, file = null) {
    return {
        lookup(name) {
            if (!Object.prototype.hasOwnProperty.call(values, name))
                return undefined;
            return { value: values[name], origin: file === null ? null : { file, line: 1 } };
        },
    };
}

;// CONCATENATED MODULE: ./src/sources/index.ts





/**
 * Renders a Jinja2 template with the restricted evaluator. Parse
 * `{ path: fragment.file, text: fragment.text }` with the MTA parser, then
 * `remapSpans(model, fragment)` to put every span back on the template.
 */
function renderTemplate(file, vars, options = ANSIBLE_OPTIONS) {
    const result = renderJinja2(file.path, file.text, vars, options);
    return {
        fragment: result.fragment,
        diagnostics: result.diagnostics,
        usedVariables: [...result.usedVariables].map(([name, origin]) => ({ name, origin })).sort((a, b) => a.name.localeCompare(b.name)),
        skipped: result.skipped,
    };
}
const TEMPLATE_SUFFIX = /\.(?:j2|jinja2|jinja)$/;
/** The template's suffix removed, or null when the name has no Jinja2 suffix. */
function renderedName(path) {
    const base = path.slice(path.lastIndexOf('/') + 1);
    return TEMPLATE_SUFFIX.test(base) ? base.replace(TEMPLATE_SUFFIX, '') : null;
}
/** The mail file a template produces, by its name (`main.cf.j2` -> main.cf); null when it is not one. */
function targetOf(path) {
    const name = renderedName(path);
    if (name === null)
        return null;
    if (name === 'main.cf' || name === 'master.cf' || name === 'sendmail.cf')
        return name;
    if (name === 'sendmail.mc' || name.endsWith('.mc'))
        return 'sendmail.mc';
    return null;
}

;// CONCATENATED MODULE: ./src/discover/patterns.ts
const ALL_ROLES = ['sendmail.mc', 'sendmail.cf', 'master.cf', 'main.cf'];
const DEFAULT_PATTERNS = [
    { glob: '**/main.cf', roles: ['main.cf'], definite: true },
    { glob: '**/master.cf', roles: ['master.cf'], definite: true },
    { glob: '**/sendmail.cf', roles: ['sendmail.cf'], definite: true },
    { glob: '**/submit.cf', roles: ['sendmail.cf'], definite: true },
    { glob: '**/sendmail.mc', roles: ['sendmail.mc'], definite: true },
    { glob: '**/submit.mc', roles: ['sendmail.mc'], definite: true },
    // main.cf.proto, main.cf.default, main.cf.dist, main.cf.rpmnew: plain copies
    // of a configuration (templates and backups are filtered out by name).
    { glob: '**/main.cf.*', roles: ['main.cf'], definite: false },
    { glob: '**/master.cf.*', roles: ['master.cf'], definite: false },
    // Postfix also keeps lookup-table definitions (mysql_table(5), ldap_table(5))
    // as *.cf in its folder: content decides.
    { glob: '**/postfix/**/*.cf', roles: ['main.cf', 'master.cf'], definite: false },
    { glob: '**/*.mc', roles: ['sendmail.mc'], definite: false },
    // /etc/mail also holds e.g. spamassassin/local.cf: content decides.
    { glob: '**/mail/**/*.cf', roles: ['sendmail.cf'], definite: false },
];
/** Vendored trees, skipped unless a user include glob matches the file. */
const DEFAULT_EXCLUDES = (/* unused pure expression or super */ null && (['**/node_modules/**', '**/vendor/**', '**/.terraform/**']));
/** The directory names behind DEFAULT_EXCLUDES, for a cheap segment test and for pruning the walk. */
const VENDORED_DIRECTORIES = new Set(['node_modules', 'vendor', '.terraform']);
/**
 * Suffix words of `main.cf.X` / `master.cf.X` that make the file a template
 * (rendered by another tool; the sources stage reads those) or a backup /
 * editor leftover (not what the server reads).
 */
const NOT_A_PLAIN_VARIANT = new Set([
    // templates
    'j2', 'jinja', 'jinja2', 'erb', 'epp', 'tmpl', 'tpl', 'template', 'gotmpl', 'tftpl', 'mustache', 'hbs', 'liquid', 'in', 'm4',
    // backups and leftovers
    'orig', 'bak', 'backup', 'old', 'rej', 'swp', 'swo', 'save', 'sav', 'tmp', 'rpmsave', 'rpmorig', 'dpkg-old', 'dpkg-bak', 'ucf-old',
    // archives
    'gz', 'bz2', 'xz', 'zst', 'zip', 'tar', 'tgz',
]);
/** `rest` is what follows `main.cf.` / `master.cf.` in the file name. */
function isPlainVariantSuffix(rest) {
    if (rest === '' || rest.endsWith('~'))
        return false;
    for (const word of rest.toLowerCase().split('.')) {
        if (NOT_A_PLAIN_VARIANT.has(word))
            return false;
    }
    return true;
}

;// CONCATENATED MODULE: ./src/discover/classify.ts



const GLOB_OPTIONS = { dot: true, nocase: false, nonegate: true, nocomment: true, platform: 'linux' };
const compiledDefaults = DEFAULT_PATTERNS.map((p) => ({ pattern: p, matcher: new Minimatch(p.glob, GLOB_OPTIONS) }));
/** `./a/`, `/a` and `a/` all mean the folder `a` of the scan root. */
function normaliseGlob(glob) {
    let g = glob.trim().replace(/\\/g, '/');
    while (g.startsWith('./'))
        g = g.slice(2);
    while (g.startsWith('/'))
        g = g.slice(1);
    if (g.endsWith('/'))
        g += '**';
    return g === '' ? '**' : g;
}
/** User globs; a glob that matches a folder matches everything under it. */
class GlobList {
    matchers;
    constructor(globs) {
        this.matchers = globs.filter((g) => g.trim() !== '').map((g) => new Minimatch(normaliseGlob(g), GLOB_OPTIONS));
    }
    get empty() {
        return this.matchers.length === 0;
    }
    matches(path) {
        if (this.matchers.length === 0)
            return false;
        for (const m of this.matchers)
            if (m.match(path))
                return true;
        for (let i = path.lastIndexOf('/'); i > 0; i = path.lastIndexOf('/', i - 1)) {
            const folder = path.slice(0, i);
            for (const m of this.matchers)
                if (m.match(folder))
                    return true;
        }
        return false;
    }
}
/**
 * Every default pattern ends in a name that is `*.cf`, `*.mc`, `main.cf.*` or
 * `master.cf.*`: this test rejects almost every file of a monorepo before any
 * glob runs.
 */
function mayMatchDefault(base) {
    return base.endsWith('.cf') || base.endsWith('.mc') || base.startsWith('main.cf.') || base.startsWith('master.cf.');
}
function isVendored(path) {
    let start = 0;
    for (let i = path.indexOf('/'); i !== -1; i = path.indexOf('/', start)) {
        if (VENDORED_DIRECTORIES.has(path.slice(start, i)))
            return true;
        start = i + 1;
    }
    return false;
}
function defaultPattern(path, base) {
    for (const { pattern, matcher } of compiledDefaults) {
        if (!matcher.match(path))
            continue;
        if (!pattern.definite && (base.startsWith('main.cf.') || base.startsWith('master.cf.'))) {
            const rest = base.slice(base.indexOf('.cf.') + 4);
            if (!isPlainVariantSuffix(rest))
                continue;
        }
        return pattern;
    }
    return null;
}
/**
 * Decides from a path alone whether a file may be mail configuration.
 * Order: default patterns, then user includes (content decides the kind);
 * user excludes remove; vendored trees are removed unless an include matches.
 * Explicitly named files (the `paths` option) are always opened.
 */
class PathClassifier {
    include;
    exclude;
    constructor(include, exclude) {
        this.include = new GlobList(include);
        this.exclude = new GlobList(exclude);
    }
    classify(path, explicit = false) {
        const base = path.slice(path.lastIndexOf('/') + 1);
        // `main.cf.j2`, `roles/x/templates/sendmail.mc.jinja2`: the name says what it renders.
        const target = targetOf(path);
        const pattern = target === null && mayMatchDefault(base) ? defaultPattern(path, base) : null;
        let included;
        let cls;
        if (target !== null) {
            cls = { roles: [target], definite: true, via: explicit ? 'explicit' : 'pattern', template: 'jinja2' };
        }
        else if (pattern !== null) {
            cls = { roles: pattern.roles, definite: pattern.definite, via: explicit ? 'explicit' : 'pattern' };
        }
        else if (explicit) {
            cls = { roles: ALL_ROLES, definite: false, via: 'explicit' };
        }
        else if ((included = this.include.matches(path))) {
            cls = { roles: ALL_ROLES, definite: false, via: 'include' };
        }
        else {
            return null;
        }
        if (explicit)
            return cls;
        if (this.exclude.matches(path))
            return null;
        if (isVendored(path) && !(included ?? this.include.matches(path)))
            return null;
        return cls;
    }
}

;// CONCATENATED MODULE: external "node:child_process"
const external_node_child_process_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");
;// CONCATENATED MODULE: ./src/discover/git-files.ts

/**
 * Variables that point git at another repository or index (set inside git
 * hooks, for example): the scan root alone must decide which repository is read.
 */
const REPOSITORY_VARIABLES = [
    'GIT_DIR',
    'GIT_WORK_TREE',
    'GIT_INDEX_FILE',
    'GIT_COMMON_DIR',
    'GIT_OBJECT_DIRECTORY',
    'GIT_ALTERNATE_OBJECT_DIRECTORIES',
    'GIT_NAMESPACE',
    'GIT_PREFIX',
    'GIT_LITERAL_PATHSPECS',
    'GIT_GLOB_PATHSPECS',
    'GIT_NOGLOB_PATHSPECS',
    'GIT_ICASE_PATHSPECS',
];
function gitEnvironment() {
    const env = { ...process.env };
    for (const name of REPOSITORY_VARIABLES)
        delete env[name];
    return env;
}
function runGit(cwd, args) {
    // core.fsmonitor may name a program to run: never execute what a repository configures.
    const fullArgs = ['-c', 'core.fsmonitor=false', '--literal-pathspecs', ...args];
    return new Promise((resolve) => {
        (0,external_node_child_process_namespaceObject.execFile)('git', fullArgs, { cwd, env: gitEnvironment(), encoding: 'buffer', maxBuffer: 1024 * 1024 * 1024, windowsHide: true }, (error, stdout, stderr) => {
            const err = error;
            if (err && typeof err.code === 'string') {
                resolve({ code: null, stdout: Buffer.alloc(0), stderr: '', spawnError: `${err.code}: ${err.message}` });
                return;
            }
            resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr: stderr.toString('utf8') });
        });
    });
}
/** Whether `root` is inside a git work tree (and not inside a `.git` directory). */
async function gitWorkTree(root) {
    const run = await runGit(root, ['rev-parse', '--is-inside-work-tree']);
    if (run.spawnError !== undefined)
        return { inside: false, note: null };
    if (run.code === 0) {
        return run.stdout.toString('utf8').trim() === 'true' ? { inside: true } : { inside: false, note: null };
    }
    if (/not a git repository/i.test(run.stderr))
        return { inside: false, note: null };
    // e.g. "detected dubious ownership": the walk still finds everything, it just cannot honour .gitignore.
    const reason = run.stderr.trim().split('\n')[0] ?? `exit status ${run.code}`;
    return { inside: false, note: `git could not read the repository (${reason}); listed files by walking the directory, so .gitignore was not applied` };
}
function splitNul(out) {
    return out
        .toString('utf8')
        .split('\0')
        .filter((p) => p !== '');
}
/**
 * Tracked files plus untracked files that are not ignored, relative to
 * `root` (git prints paths relative to its working directory and lists only
 * what is under it, so a scan root below the repository top works as is).
 * Tracked files deleted from the work tree are left out.
 */
async function listGitFiles(root, pathspecs) {
    const specs = ['--', ...pathspecs];
    const [listed, deleted] = await Promise.all([
        runGit(root, ['ls-files', '-z', '--cached', '--others', '--exclude-standard', ...specs]),
        runGit(root, ['ls-files', '-z', '--deleted', ...specs]),
    ]);
    if (listed.code !== 0)
        return { error: listed.spawnError ?? (listed.stderr.trim() || `git ls-files exited with ${listed.code}`) };
    const gone = new Set(deleted.code === 0 ? splitNul(deleted.stdout) : []);
    const files = [];
    const notes = [];
    const seen = new Set();
    for (const p of splitNul(listed.stdout)) {
        if (seen.has(p) || gone.has(p))
            continue; // unmerged entries are listed once per stage
        seen.add(p);
        if (p.endsWith('/')) {
            notes.push(`${p} is a separate git repository inside the scan root; its files were not scanned (scan it on its own)`);
            continue;
        }
        files.push(p);
    }
    return { files, notes };
}

;// CONCATENATED MODULE: ./src/discover/decode.ts
/**
 * Turning a file's bytes into text the parsers can trust: Postfix and
 * sendmail read bytes, but every position we report is in characters of
 * UTF-8 text, so a file that is not UTF-8 cannot be judged line by line.
 */
/** Binary detection looks at this many bytes, as git and grep do. */
const BINARY_PROBE_BYTES = 8 * 1024;
const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const lenient = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });
function hasBom(bytes) {
    return bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}
/**
 * 1-based line and column of a byte offset; the column counts UTF-16 code
 * units of the line's text before it (as every span does), after the BOM.
 */
function positionOfByte(bytes, offset) {
    let line = 1;
    let lineStart = hasBom(bytes) ? 3 : 0;
    for (let i = 0; i < offset; i++) {
        if (bytes[i] === 0x0a) {
            line++;
            lineStart = i + 1;
        }
    }
    const before = lineStart < offset ? lenient.decode(bytes.subarray(lineStart, offset)) : '';
    return { line, column: before.length + 1 };
}
/** Offset of the first byte that starts an ill-formed UTF-8 sequence (Unicode 15, table 3-7), or -1. */
function firstInvalidUtf8(bytes) {
    const n = bytes.length;
    let i = 0;
    while (i < n) {
        const b = bytes[i] ?? 0;
        if (b < 0x80) {
            i++;
            continue;
        }
        let need;
        let lo = 0x80;
        let hi = 0xbf;
        if (b >= 0xc2 && b <= 0xdf)
            need = 1;
        else if (b === 0xe0)
            (need = 2), (lo = 0xa0);
        else if (b >= 0xe1 && b <= 0xec)
            need = 2;
        else if (b === 0xed)
            (need = 2), (hi = 0x9f);
        else if (b >= 0xee && b <= 0xef)
            need = 2;
        else if (b === 0xf0)
            (need = 3), (lo = 0x90);
        else if (b >= 0xf1 && b <= 0xf3)
            need = 3;
        else if (b === 0xf4)
            (need = 3), (hi = 0x8f);
        else
            return i;
        // A sequence cut off by the end of the file.
        if (i + need >= n)
            return i;
        const second = bytes[i + 1] ?? 0;
        if (second < lo || second > hi)
            return i;
        for (let k = 2; k <= need; k++) {
            const c = bytes[i + k] ?? 0;
            if (c < 0x80 || c > 0xbf)
                return i;
        }
        i += need + 1;
    }
    return -1;
}
function hex(byte) {
    return `0x${byte.toString(16).toUpperCase().padStart(2, '0')}`;
}
/** A NUL byte near the start means binary (the rule git and grep use). */
function binaryReason(bytes) {
    if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
        return { reason: `the file is UTF-16 (byte order mark ${hex(bytes[0])} ${hex(bytes[1])}), not UTF-8 text`, line: 1, column: 1 };
    }
    const probe = bytes.subarray(0, BINARY_PROBE_BYTES);
    const nul = probe.indexOf(0);
    if (nul === -1)
        return null;
    const { line, column } = positionOfByte(bytes, nul);
    return { reason: `binary content (a NUL byte at line ${line}, column ${column})`, line, column };
}
/** Text of a file that is strictly UTF-8, without its optional byte order mark. */
function decodeUtf8(bytes) {
    const body = hasBom(bytes) ? bytes.subarray(3) : bytes;
    try {
        return { ok: true, text: strict.decode(body) };
    }
    catch {
        const offset = firstInvalidUtf8(bytes);
        const at = offset === -1 ? 0 : offset;
        const { line, column } = positionOfByte(bytes, at);
        const what = offset === -1 ? 'a byte' : `byte ${hex(bytes[at] ?? 0)}`;
        return { ok: false, reason: `not valid UTF-8 (${what} at line ${line}, column ${column})`, line, column };
    }
}
/** Best-effort text for sniffing only: a cut multi-byte character at the end is harmless there. */
function decodeForSniffing(bytes) {
    return lenient.decode(hasBom(bytes) ? bytes.subarray(3) : bytes);
}

;// CONCATENATED MODULE: ./src/discover/sniff.ts
/** Sniffing looks at the beginning of a file only: a configuration shows what it is early. */
const SNIFF_CHARS = 64 * 1024;
/**
 * Postfix parameter names (postconf(5)) that a lookup-table definition
 * (mysql_table(5), ldap_table(5), memcache_table(5): hosts, user, query,
 * tls_cert_file, data_size_limit, ...) never uses. Anchored alternation: linear.
 */
const POSTFIX_PARAMETER = /^(?:smtpd?_|lmtp_|postscreen_|tlsproxy_|virtual_|relay_|milter_|mailbox_|masquerade_|sender_|recipient_|smtputf8_|my(?:hostname|domain|destination|origin|networks)|inet_(?:interfaces|protocols)|relayhost|compatibility_level|alias_(?:maps|database)|transport_maps|canonical_maps|(?:queue|command|daemon|data|meta|shlib|html|manpage|sample|readme)_directory|mail_(?:owner|spool_directory)|setgid_group|(?:sendmail|newaliases|mailq)_path|biff$|append_dot_mydomain|home_mailbox|message_size_limit|(?:header|body)_checks|maillog_file|unknown_local_recipient_reject_code|non_smtpd_milters|content_filter|notify_classes|luser_relay|delay_warning_time|disable_vrfy_command|default_transport|local_(?:transport|recipient_maps))/;
/** `name = value` at column 0 (postconf(5): a logical line starts at column 0). */
const MAIN_CF_LINE = /^([A-Za-z0-9_]+)[ \t]*=/;
/** master(5) service types. */
const SERVICE_TYPES = new Set(['inet', 'unix', 'unix-dgram', 'fifo', 'pass']);
const FLAG = /^[yn-]$/;
/** A sendmail m4 macro call (cf/README) or an m4 builtin at the start of a line. */
const MC_CALL = /^[ \t]*(?:divert|OSTYPE|FEATURE|MAILER|DOMAIN|include|sinclude|VERSIONID|define|undefine|DAEMON_OPTIONS|CLIENT_OPTIONS|MASQUERADE_AS|MASQUERADE_DOMAIN|LOCAL_DOMAIN|EXPOSED_USER|RELAY_DOMAIN|RELAY_DOMAIN_FILE|INPUT_MAIL_FILTER|MAIL_FILTER|TRUST_AUTH_MECH|GENERICS_DOMAIN|changecom|changequote|ifdef|ifelse)\(/;
const MC_SECTION = /^(?:LOCAL_CONFIG|LOCAL_RULESETS|LOCAL_NET_CONFIG|LOCAL_RULE_[0-3])[ \t]*$/;
/** `dnl` as a word: at the start of a line, or right after a macro call's `)`. */
const MC_DNL = /(?:^[ \t]*|\))dnl(?:[ \t]|$)/;
/**
 * sendmail.cf line types (sendmail Installation and Operation Guide, section
 * 5): V version, O option, S ruleset, R rewrite rule, M mailer definition.
 */
const CF_LINES = [
    /^V\d+(?:\/[A-Za-z]+)?[ \t]*$/,
    /^O [A-Za-z][A-Za-z0-9.]*(?:[ \t]*=|[ \t]*$)/,
    /^S(?:\d+|[A-Za-z_][A-Za-z0-9_]*)(?:[ \t]*=[ \t]*\d+)?[ \t]*$/,
    /^R\$/,
    /^M[A-Za-z0-9_]+,[ \t]*P=/,
];
/** One stray `Settings` line looks like a named ruleset: a sendmail.cf has many of these lines. */
const CF_MIN_LINES = 2;
function isMasterService(line) {
    const fields = line.trim().split(/[ \t]+/);
    return (fields.length >= 8 &&
        SERVICE_TYPES.has(fields[1] ?? '') &&
        FLAG.test(fields[2] ?? '') &&
        FLAG.test(fields[3] ?? '') &&
        FLAG.test(fields[4] ?? ''));
}
/**
 * Decides from the beginning of a file which of `roles` its content is, or
 * null when it looks like none of them (a Minecraft `.mc`, a Postfix lookup
 * table definition under `postfix/`, a SpamAssassin `.cf` under `mail/`).
 */
function sniffRole(text, roles) {
    const head = text.length > SNIFF_CHARS ? text.slice(0, SNIFF_CHARS) : text;
    const hits = { 'main.cf': 0, 'master.cf': 0, 'sendmail.mc': 0, 'sendmail.cf': 0 };
    for (const raw of head.split('\n')) {
        const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
        if (MC_CALL.test(line) || MC_SECTION.test(line) || MC_DNL.test(line))
            hits['sendmail.mc']++;
        const first = line.charCodeAt(0);
        // Indented lines continue the previous one in main.cf, master.cf and .cf alike.
        if (line === '' || first === 32 || first === 9 || first === 35)
            continue;
        const main = MAIN_CF_LINE.exec(line);
        if (main && POSTFIX_PARAMETER.test(main[1] ?? ''))
            hits['main.cf']++;
        else if (isMasterService(line))
            hits['master.cf']++;
        else if (CF_LINES.some((re) => re.test(line)))
            hits['sendmail.cf']++;
    }
    let best = null;
    for (const role of roles) {
        const needed = role === 'sendmail.cf' ? CF_MIN_LINES : 1;
        if (hits[role] >= needed && (best === null || hits[role] > hits[best]))
            best = role;
    }
    return best;
}

;// CONCATENATED MODULE: ./src/discover/candidate.ts
function kindOf(role) {
    return role === 'main.cf' || role === 'master.cf' ? 'postfix' : 'sendmail';
}

;// CONCATENATED MODULE: ./src/discover/read-candidate.ts






/** No mail configuration is this big; a bigger file is not read (bounded memory). */
const MAX_FILE_BYTES = 4 * 1024 * 1024;
/** Enough bytes for SNIFF_CHARS characters of ASCII, which configurations are. */
const HEAD_BYTES = SNIFF_CHARS;
function isInside(root, target) {
    const rel = external_node_path_default().relative(root, target);
    return rel === '' || (!external_node_path_default().isAbsolute(rel) && rel !== '..' && !rel.startsWith(`..${(external_node_path_default()).sep}`));
}
/** The OS error without the absolute path Node appends ("EACCES: permission denied, open '/…'"). */
function ioReason(e) {
    const err = e;
    const message = typeof err.message === 'string' ? err.message.replace(/, \w+ '.*'$/, '') : String(e);
    return `the file could not be read (${message})`;
}
function skipped(rel, cls, problem) {
    if (cls.definite) {
        const role = cls.roles[0];
        return { candidate: { path: rel, kind: kindOf(role), role, unreadable: problem } };
    }
    return { note: `${rel} was not scanned: ${problem.reason}` };
}
const atStart = (reason) => ({ reason, line: 1, column: 1 });
/**
 * Reads one file that its path made worth opening. Never throws: a file that
 * is mail configuration by name and cannot be read becomes `unreadable` (the
 * config-unreadable rule fails closed on it); any other file that cannot be
 * read or whose content is not mail configuration is left out, with a note
 * when the user asked for it by include glob or by path.
 */
async function readCandidate(root, rel, cls) {
    const full = external_node_path_default().join(root.absolute, ...rel.split('/'));
    let real;
    try {
        real = await (0,promises_namespaceObject.realpath)(full);
    }
    catch (e) {
        const err = e;
        if (err.code !== 'ENOENT')
            return skipped(rel, cls, atStart(ioReason(e)));
        let target;
        try {
            target = await (0,promises_namespaceObject.readlink)(full);
        }
        catch {
            return {}; // listed, then deleted: nothing to judge
        }
        if (!isInside(root.absolute, external_node_path_default().resolve(external_node_path_default().dirname(full), target))) {
            return { note: `${rel} is a symbolic link to ${target}, outside the scan root; not followed` };
        }
        return skipped(rel, cls, atStart(`it is a symbolic link to ${target}, which does not exist`));
    }
    if (!isInside(root.real, real)) {
        let target = real;
        try {
            target = await (0,promises_namespaceObject.readlink)(full);
        }
        catch {
            // a directory link higher up the path: name the resolved target instead
        }
        return { note: `${rel} is a symbolic link to ${target}, outside the scan root; not followed` };
    }
    const outcome = await readFile(real, rel, cls);
    if (cls.template !== undefined && outcome.candidate !== undefined)
        outcome.candidate.template = cls.template;
    return outcome;
}
async function readFile(real, rel, cls) {
    let handle;
    try {
        // O_NONBLOCK: a FIFO with a config's name must not hang the scan.
        handle = await (0,promises_namespaceObject.open)(real, external_node_fs_namespaceObject.constants.O_RDONLY | external_node_fs_namespaceObject.constants.O_NONBLOCK);
    }
    catch (e) {
        return skipped(rel, cls, atStart(ioReason(e)));
    }
    try {
        const stat = await handle.stat();
        if (!stat.isFile())
            return skipped(rel, cls, atStart('it is not a regular file'));
        if (stat.size > MAX_FILE_BYTES) {
            return skipped(rel, cls, atStart(`the file is ${stat.size} bytes, over the ${MAX_FILE_BYTES / (1024 * 1024)} MiB limit`));
        }
        const head = await readBytes(handle, 0, Math.min(stat.size, HEAD_BYTES));
        const binary = binaryReason(head);
        if (binary)
            return cls.definite ? skipped(rel, cls, binary) : { ...skipped(rel, cls, binary), minor: true };
        let role = cls.definite ? (cls.roles[0] ?? null) : sniffRole(decodeForSniffing(head), cls.roles);
        if (role === null) {
            if (cls.via === 'pattern')
                return {};
            return { note: `${rel} was not scanned: its content is not Postfix or sendmail configuration`, minor: true };
        }
        const bytes = stat.size > head.length ? await readRest(handle, head) : head;
        if (bytes.length > MAX_FILE_BYTES) {
            return skipped(rel, cls, atStart(`the file is over the ${MAX_FILE_BYTES / (1024 * 1024)} MiB limit`));
        }
        const decoded = decodeUtf8(bytes);
        if (!decoded.ok) {
            const { reason, line, column } = decoded;
            return { candidate: { path: rel, kind: kindOf(role), role, unreadable: { reason, line, column } } };
        }
        return { candidate: { path: rel, kind: kindOf(role), role, file: { path: rel, text: decoded.text } } };
    }
    catch (e) {
        return skipped(rel, cls, atStart(ioReason(e)));
    }
    finally {
        await handle.close().catch(() => undefined);
    }
}
async function readBytes(handle, position, length) {
    const buffer = Buffer.alloc(length);
    let filled = 0;
    while (filled < length) {
        const { bytesRead } = await handle.read(buffer, filled, length - filled, position + filled);
        if (bytesRead === 0)
            break;
        filled += bytesRead;
    }
    return buffer.subarray(0, filled);
}
/** The rest of the file, until end of file or just past the size limit (a file may grow while read). */
async function readRest(handle, head) {
    const chunks = [head];
    let total = head.length;
    while (total <= MAX_FILE_BYTES) {
        const chunk = await readBytes(handle, total, 256 * 1024);
        if (chunk.length === 0)
            break;
        chunks.push(chunk);
        total += chunk.length;
    }
    return Buffer.concat(chunks, total);
}

;// CONCATENATED MODULE: ./src/discover/walk.ts



const PARALLEL_DIRECTORIES = 8;
/**
 * Lists files under `root`/`starts` (POSIX paths relative to `root`, '' for
 * the root itself) without git. A symbolic link is listed as a file and never
 * descended: a linked directory may lead out of the root or loop, and its
 * real files are reached through their real path when they are inside.
 * `.git` is skipped; vendored trees are not entered when `pruneVendored`.
 */
async function walkFiles(root, starts, pruneVendored) {
    const files = [];
    const notes = [];
    const queue = [...starts];
    const seen = new Set(queue);
    async function visit(dir) {
        let entries;
        try {
            entries = await (0,promises_namespaceObject.readdir)(dir === '' ? root : external_node_path_default().join(root, dir), { withFileTypes: true });
        }
        catch (e) {
            const err = e;
            notes.push(`${dir === '' ? '.' : dir}/ could not be listed (${err.code ?? err.message}); its files were not scanned`);
            return;
        }
        for (const entry of entries) {
            const rel = dir === '' ? entry.name : `${dir}/${entry.name}`;
            if (entry.name === '.git')
                continue;
            if (entry.isDirectory()) {
                if (pruneVendored && VENDORED_DIRECTORIES.has(entry.name))
                    continue;
                if (!seen.has(rel)) {
                    seen.add(rel);
                    queue.push(rel);
                }
            }
            else if (entry.isFile() || entry.isSymbolicLink()) {
                files.push(rel);
            }
        }
    }
    async function worker() {
        for (let dir = queue.pop(); dir !== undefined; dir = queue.pop())
            await visit(dir);
    }
    // Workers that find the queue empty stop; the others keep feeding it, so
    // run rounds until a round ends with nothing queued.
    while (queue.length > 0) {
        await Promise.all(Array.from({ length: PARALLEL_DIRECTORIES }, worker));
    }
    return { files, notes };
}

;// CONCATENATED MODULE: ./src/discover/index.ts
/**
 * Discovery: list the files under the scan root, pick the ones that may be
 * mail configuration by path, and confirm them by content. Paths in the
 * result are POSIX and relative to the scan root.
 */







/** Notes about files that are probably not mail configuration (binary .mc files, include globs that match too much). */
const MAX_MINOR_NOTES = 20;
/** Files read at once: enough to hide latency, few enough for file-descriptor limits. */
const PARALLEL_READS = 16;
function toPosix(rel) {
    return (external_node_path_default()).sep === '/' ? rel : rel.split((external_node_path_default()).sep).join('/');
}
/** Resolves the `paths` option; a path outside the root or missing is a usage error, never a silent pass. */
async function resolveTargets(root, paths) {
    const targets = { folders: [], files: [] };
    for (const p of paths.length === 0 ? ['.'] : paths) {
        const full = external_node_path_default().resolve(root, p);
        const rel = external_node_path_default().relative(root, full);
        if (rel === '..' || rel.startsWith(`..${(external_node_path_default()).sep}`) || external_node_path_default().isAbsolute(rel)) {
            throw new OptionsError(`path: "${p}" is outside the scan root ${root}`);
        }
        let info;
        try {
            info = await (0,promises_namespaceObject.stat)(full);
        }
        catch (e) {
            throw new OptionsError(`path: "${p}" cannot be scanned (${e.code ?? e.message})`);
        }
        (info.isDirectory() ? targets.folders : targets.files).push(toPosix(rel));
    }
    // The whole root covers every other folder.
    if (targets.folders.includes(''))
        targets.folders = [''];
    return targets;
}
async function listFolders(root, folders, pruneVendored) {
    if (folders.length === 0)
        return { files: [], notes: [] };
    const tree = await gitWorkTree(root);
    if (tree.inside) {
        const listing = await listGitFiles(root, folders.filter((f) => f !== ''));
        if (!('error' in listing))
            return listing;
        const walked = await walkFiles(root, folders, pruneVendored);
        return {
            files: walked.files,
            notes: [`git ls-files failed (${listing.error}); listed files by walking the directory, so .gitignore was not applied`, ...walked.notes],
        };
    }
    const walked = await walkFiles(root, folders, pruneVendored);
    return { files: walked.files, notes: tree.note === null ? walked.notes : [tree.note, ...walked.notes] };
}
function isInsideDotGit(rel) {
    return rel === '.git' || rel.startsWith('.git/') || rel.includes('/.git/') || rel.endsWith('/.git');
}
async function mapLimit(items, limit, fn) {
    const out = new Array(items.length);
    let next = 0;
    async function worker() {
        for (let i = next++; i < items.length; i = next++)
            out[i] = await fn(items[i]);
    }
    await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
    return out;
}
function byPath(a, b) {
    return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}
async function discover(options) {
    const absolute = external_node_path_default().resolve(options.root);
    let real;
    try {
        real = await (0,promises_namespaceObject.realpath)(absolute);
        if (!(await (0,promises_namespaceObject.stat)(real)).isDirectory())
            throw new Error('not a directory');
    }
    catch (e) {
        throw new OptionsError(`path: the scan root ${options.root} is not a readable directory (${e.message})`);
    }
    const root = { absolute, real };
    const targets = await resolveTargets(absolute, options.paths);
    const classifier = new PathClassifier(options.include, options.exclude);
    // A user include may reach into a vendored tree: then the walk must enter them all.
    const listing = await listFolders(absolute, targets.folders, options.include.length === 0);
    const notes = [...listing.notes];
    const explicit = new Set(targets.files);
    const listed = new Set();
    for (const f of [...listing.files, ...targets.files])
        if (!isInsideDotGit(f))
            listed.add(f);
    const work = [];
    for (const p of listed) {
        const cls = classifier.classify(p, explicit.has(p));
        if (cls !== null)
            work.push({ path: p, cls });
    }
    work.sort(byPath);
    const outcomes = await mapLimit(work, PARALLEL_READS, (w) => readCandidate(root, w.path, w.cls));
    const candidates = [];
    let minor = 0;
    for (const outcome of outcomes) {
        if (outcome.candidate)
            candidates.push(outcome.candidate);
        if (outcome.note === undefined)
            continue;
        if (outcome.minor && ++minor > MAX_MINOR_NOTES)
            continue;
        notes.push(outcome.note);
    }
    if (minor > MAX_MINOR_NOTES) {
        notes.push(`${minor - MAX_MINOR_NOTES} more files were not scanned because they are binary or not mail configuration`);
    }
    candidates.sort(byPath);
    return { candidates, filesListed: listed.size, notes };
}

;// CONCATENATED MODULE: ./src/mta/postfix/master-cf.ts

/**
 * master.cf as master(5) and postconf -M / -P read it (measured against
 * Postfix 3.7):
 *
 * - Logical lines as in main.cf; one service per logical line.
 * - Fields split on whitespace outside `{ }` (mystrtokq); fewer than 8 fields
 *   is fatal ("bad field count").
 * - Arguments are parsed like the daemon's getopt ("+" mode): options until
 *   the first non-option argument or `--`; `-o VALUE` and `-oVALUE` and
 *   grouped flags (`-vo x=y`) all work. A `{ ... }` argument loses its braces
 *   and the whitespace inside them (extpar), so `-o { name = value }` works.
 * - `-o name = value` (unbraced) gives smtpd `-o name`, which it refuses:
 *   'invalid "-o name" option value: missing '=' after attribute name'.
 * - `#` after a field is an ordinary argument; smtpd and postscreen die with
 *   "unexpected command-line argument: #".
 * - Double quotes are not special.
 */
function parseMasterCf(file) {
    const lines = readLogicalLines(file.text);
    const diagnostics = lines.dropped.map((d) => ({
        file: file.path,
        line: d.line,
        column: 1,
        message: d.message,
        fatal: false,
    }));
    const services = [];
    for (const line of lines.lines) {
        const service = parseService(file.path, lines, line, diagnostics);
        if (service !== null)
            services.push(service);
    }
    return { file: file.path, services, diagnostics };
}
function master_cf_isSpace(code) {
    // CHARS_SPACE in Postfix: " \t\r\n"
    return code === 32 || code === 9 || code === 13 || code === 10;
}
/** mystrtokq(text, " \t\r\n", "{}"). */
function tokenize(text) {
    const tokens = [];
    let i = 0;
    while (i < text.length) {
        while (i < text.length && master_cf_isSpace(text.charCodeAt(i)))
            i++;
        if (i >= text.length)
            break;
        const start = i;
        let level = 0;
        for (; i < text.length; i++) {
            const c = text.charCodeAt(i);
            if (c === 123)
                level++;
            else if (level > 0 && c === 125)
                level--;
            else if (level === 0 && master_cf_isSpace(c))
                break;
        }
        const raw = text.slice(start, i);
        tokens.push({ raw, text: raw, start, end: i });
    }
    return tokens;
}
/** extpar(&cp, "{}", EXTPAR_FLAG_STRIP): null error, or the stripped text. */
function extpar(raw) {
    if (!raw.startsWith('{'))
        return { text: raw, error: null };
    let level = 0;
    for (let i = 0; i < raw.length; i++) {
        const c = raw.charAt(i);
        if (c === '{')
            level++;
        else if (c === '}' && --level === 0) {
            const text = trimSpace(raw.slice(1, i));
            if (i !== raw.length - 1)
                return { text, error: `syntax error after '}' in "${raw}"` };
            return { text, error: null };
        }
    }
    return { text: trimSpace(raw.slice(1)), error: `missing '}' in "${raw}"` };
}
/** Options that take an argument in the Postfix server skeletons (master_service getopt string). */
const OPTIONS_WITH_ARGUMENT = new Set(['i', 'm', 'n', 'o', 's', 't']);
/** Daemons that accept no command-line argument after the options. */
const NO_EXTRA_ARGUMENTS = new Set(['smtpd', 'postscreen']);
function span(path, lines, line, start, end) {
    const from = positionOf(lines, line, start);
    const to = end > start ? endPositionOf(lines, line, end - 1) : from;
    return { file: path, line: from.line, column: from.column, endLine: to.line, endColumn: to.column };
}
function parseService(path, lines, line, diagnostics) {
    const tokens = tokenize(line.text);
    const at = (token, message, fatal) => {
        const p = positionOf(lines, line, token?.start ?? 0);
        diagnostics.push({ file: path, line: p.line, column: p.column, message, fatal });
    };
    if (tokens.length < 8) {
        at(tokens[0], 'bad field count', true);
        return null;
    }
    const field = (i) => tokens[i]?.raw ?? '';
    const name = field(0);
    const type = field(1);
    const command = field(7);
    const args = tokens.slice(8);
    for (const arg of args) {
        const parsed = extpar(arg.raw);
        arg.text = parsed.text;
        if (parsed.error !== null)
            at(arg, parsed.error, false);
    }
    const daemon = command.slice(command.lastIndexOf('/') + 1);
    const overrides = [];
    const addOverride = (optionToken, valueToken, value) => {
        const eq = master_cf_splitNameValue(value);
        if (eq === null) {
            at(valueToken, `invalid "-o ${value}" option value: missing '=' after attribute name`, true);
            return;
        }
        if (eq.name === '') {
            at(valueToken, `invalid "-o ${value}" option value: missing attribute name`, true);
            return;
        }
        overrides.push({ name: eq.name, value: eq.value, span: span(path, lines, line, optionToken.start, valueToken.end) });
    };
    // getopt("+..."): options until the first non-option argument or `--`.
    let i = 0;
    for (; i < args.length; i++) {
        const arg = args[i];
        const text = arg.text;
        if (text === '--') {
            i++;
            break;
        }
        if (!text.startsWith('-') || text === '-')
            break;
        for (let k = 1; k < text.length; k++) {
            const option = text.charAt(k);
            if (!OPTIONS_WITH_ARGUMENT.has(option))
                continue;
            let valueToken;
            let value;
            if (k + 1 < text.length) {
                valueToken = arg;
                value = extpar(text.slice(k + 1)).text;
            }
            else {
                const next = args[i + 1];
                if (next === undefined) {
                    at(arg, `option requires an argument -- '${option}'`, true);
                    break;
                }
                i++;
                valueToken = next;
                value = next.text;
            }
            if (option === 'o')
                addOverride(arg, valueToken, value);
            break;
        }
    }
    const extra = args[i];
    if (extra !== undefined && NO_EXTRA_ARGUMENTS.has(daemon)) {
        at(extra, `unexpected command-line argument: ${extra.text}`, true);
    }
    const { host, port } = splitServiceName(name, type);
    const first = tokens[0];
    const last = tokens[tokens.length - 1];
    return {
        name,
        host,
        port,
        type,
        private: field(2),
        unprivileged: field(3),
        chroot: field(4),
        wakeup: field(5),
        maxproc: field(6),
        command,
        args: args.map((a) => a.raw),
        overrides,
        span: span(path, lines, line, first.start, last.end),
        nameSpan: span(path, lines, line, first.start, first.end),
        smtpd: daemon === 'smtpd',
        postscreen: daemon === 'postscreen',
        pass: type === 'pass',
    };
}
/** split_nameval() on a `-o` value: the name stops at whitespace or `=`. */
function master_cf_splitNameValue(text) {
    const t = trimSpace(text);
    let ep = 0;
    while (ep < t.length && !/[ \t\r\n\v\f=]/.test(t.charAt(ep)))
        ep++;
    let cp = ep;
    while (cp < t.length && /[ \t\r\n\v\f]/.test(t.charAt(cp)))
        cp++;
    if (t.charAt(cp) !== '=')
        return t.length === 0 || t.charAt(0) === '=' ? { name: '', value: '' } : null;
    return { name: t.slice(0, ep), value: trimSpace(t.slice(cp + 1)) };
}
function trimSpace(text) {
    let start = 0;
    let end = text.length;
    while (start < end && isPostfixSpace(text.charCodeAt(start)))
        start++;
    while (end > start && isPostfixSpace(text.charCodeAt(end - 1)))
        end--;
    return text.slice(start, end);
}
/**
 * master(5): an inet service name is `[host:]port`; `[ipv6]:port` keeps the
 * brackets out of the host. Other service types have no host.
 */
function splitServiceName(name, type) {
    if (type !== 'inet')
        return { host: null, port: name };
    if (name.startsWith('[')) {
        const close = name.indexOf(']');
        if (close > 0 && name.charAt(close + 1) === ':') {
            return { host: name.slice(1, close), port: name.slice(close + 2) };
        }
    }
    const colon = name.lastIndexOf(':');
    if (colon < 0)
        return { host: null, port: name };
    return { host: name.slice(0, colon), port: name.slice(colon + 1) };
}

;// CONCATENATED MODULE: ./src/mta/postfix/index.ts







/** `main.cf`, `main.cf.foo` -> main (suffix 'foo'); a stray `*.cf` is sniffed. */
function classify(file) {
    const base = external_node_path_default().posix.basename(file.path);
    if (file.role === 'main.cf' || file.role === 'master.cf') {
        const kind = file.role === 'main.cf' ? 'main' : 'master';
        const stem = file.role;
        if (base === stem)
            return { kind, suffix: '' };
        return { kind, suffix: base.startsWith(`${stem}.`) ? base.slice(stem.length + 1) : base };
    }
    for (const kind of ['main', 'master']) {
        const stem = `${kind}.cf`;
        if (base === stem)
            return { kind, suffix: '' };
        if (base.startsWith(`${stem}.`))
            return { kind, suffix: base.slice(stem.length + 1) };
    }
    return { kind: sniff(file.text), suffix: base };
}
/**
 * A service line has 8+ fields and no `=` in its first two; a main.cf line is
 * `name = value`. The first decisive logical line wins; main.cf by default.
 */
function sniff(text) {
    for (const line of text.split('\n')) {
        if (/^\s*(#|$)/.test(line) || /^\s/.test(line))
            continue;
        const fields = line.trim().split(/\s+/);
        if (/^[^\s=]+\s*=/.test(line))
            return 'main';
        if (fields.length >= 8 && /^(inet|unix|unix-dgram|fifo|pass)$/.test(fields[1] ?? ''))
            return 'master';
    }
    return 'main';
}
/**
 * Groups Postfix files into instances: main.cf + master.cf of one directory.
 * `main.cf.X` pairs with `master.cf.X` when present, else with the plain
 * master.cf of its directory. A master.cf nobody pairs with forms an
 * instance of its own (mainCf null).
 */
function assemblePostfix(files) {
    const byDirectory = new Map();
    for (const file of [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
        const directory = external_node_path_default().posix.dirname(file.path);
        let group = byDirectory.get(directory);
        if (group === undefined) {
            group = { main: new Map(), master: new Map() };
            byDirectory.set(directory, group);
        }
        const { kind, suffix } = classify(file);
        const bucket = kind === 'main' ? group.main : group.master;
        if (!bucket.has(suffix))
            bucket.set(suffix, file);
    }
    const configurations = [];
    for (const [directory, group] of [...byDirectory].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
        const usedMasters = new Set();
        const pairs = [];
        for (const [suffix, main] of group.main) {
            const masterSuffix = group.master.has(suffix) ? suffix : group.master.has('') ? '' : null;
            if (masterSuffix !== null)
                usedMasters.add(masterSuffix);
            pairs.push([main, masterSuffix === null ? null : (group.master.get(masterSuffix) ?? null)]);
        }
        for (const [suffix, master] of group.master) {
            if (!usedMasters.has(suffix))
                pairs.push([null, master]);
        }
        for (const [main, master] of pairs) {
            const mainCf = main === null ? null : parseMainCf(main);
            const masterCf = master === null ? null : parseMasterCf(master);
            const paths = [main?.path, master?.path].filter((p) => p !== undefined).sort();
            configurations.push({
                mta: 'postfix',
                files: paths,
                form: 'plain',
                diagnostics: [...(mainCf?.diagnostics ?? []), ...(masterCf?.diagnostics ?? [])],
                directory,
                mainCf,
                masterCf,
            });
        }
    }
    return configurations;
}

;// CONCATENATED MODULE: external "node:path/posix"
const posix_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path/posix");
var posix_default = /*#__PURE__*/__nccwpck_require__.n(posix_namespaceObject);
;// CONCATENATED MODULE: ./src/mta/sendmail/cf.ts


/**
 * Sendmail's readcf(): a line starting with space or tab continues the one
 * before; `#` starts a comment line; the first character is the command.
 */
function logicalLines(file) {
    const index = new LineIndex(file.text);
    const out = [];
    for (let n = 1; n <= index.lineCount; n++) {
        const text = index.lineText(n);
        const first = text.charAt(0);
        const last = out[out.length - 1];
        if ((first === ' ' || first === '\t') && last && !last.text.startsWith('#') && last.text !== '') {
            last.text += text;
            last.endLine = n;
            last.endColumn = text.length + 1;
            continue;
        }
        out.push({ text, line: n, endLine: n, endColumn: text.length + 1 });
    }
    return out;
}
function spanOfLine(file, l) {
    return { file, line: l.line, column: 1, endLine: l.endLine, endColumn: Math.max(2, l.endColumn) };
}
/** `O DaemonPortOptions=value` (long name, case-insensitive) or the one-letter form `OOvalue`. */
function daemonPortOptionsValue(text) {
    if (!text.startsWith('O'))
        return null;
    if (text.charAt(1) === 'O')
        return text.slice(2);
    const m = /^O[ \t]+([A-Za-z]+)[ \t]*=[ \t]*/.exec(text);
    if (!m || (m[1] ?? '').toLowerCase() !== 'daemonportoptions')
        return null;
    return text.slice(m[0].length);
}
/** `Sname` or `Sname=number`: the ruleset name. */
function rulesetName(text) {
    const m = /^S[ \t]*([^ \t=]*)/.exec(text);
    return m?.[1] ?? '';
}
/**
 * Analyse a built sendmail.cf. Promiscuous relay is read from the rulesets,
 * not from the `promiscuous_relay.m4` banner (which stays when the feature is
 * undefined again): with the feature, proto.m4 drops the `Relay_ok` ruleset
 * and the "550 Relaying denied" rule that ends Basic_check_rcpt.
 */
function analyseCf(file) {
    const lines = logicalLines(file);
    const listeners = [];
    const rulesets = new Map();
    let current = null;
    for (const l of lines) {
        const cmd = l.text.charAt(0);
        if (cmd === 'O') {
            const value = daemonPortOptionsValue(l.text);
            if (value !== null)
                listeners.push(readDaemonPortOptions(value, 'O DaemonPortOptions', spanOfLine(file.path, l)));
        }
        else if (cmd === 'S') {
            current = { at: l, rules: [] };
            const name = rulesetName(l.text);
            if (!rulesets.has(name))
                rulesets.set(name, current);
        }
        else if (cmd === 'R' && current) {
            current.rules.push(l);
        }
    }
    const unknowns = [];
    let promiscuousRelay = { enabled: false, span: null };
    const basic = rulesets.get('Basic_check_rcpt');
    if (rulesets.size === 0) {
        const first = lines[0];
        if (first)
            unknowns.push({ span: spanOfLine(file.path, first), what: 'no rulesets: relaying cannot be judged from this file' });
    }
    else if (!rulesets.has('Relay_ok')) {
        const last = basic?.rules[basic.rules.length - 1];
        const denies = last !== undefined && last.text.includes('$#error') && /Relaying denied|5\.7\.1/.test(last.text);
        if (!denies) {
            const at = basic?.at ?? lines[0];
            promiscuousRelay = { enabled: true, span: at ? spanOfLine(file.path, at) : null };
        }
    }
    return { listeners, features: [], promiscuousRelay, relayDomains: [], unknowns, cfInclude: null, diagnostics: [] };
}

;// CONCATENATED MODULE: ./src/mta/sendmail/cf-macros.ts
/**
 * What cf.m4 (cfhead.m4) gives a .mc, modelled directly instead of reading
 * /usr/share/sendmail/cf: FEATURE, DAEMON_OPTIONS, RELAY_DOMAIN, ... and the
 * m4 macros the features define. proto.m4 tests those macros when the input
 * ends (it is m4wrap'ed), so what counts is the state at the end of the .mc.
 */
/** The macro each relay-relevant feature file defines (cf/feature/<name>.m4). */
const FEATURE_MACROS = {
    promiscuous_relay: '_PROMISCUOUS_RELAY_',
    no_default_msa: '_NO_MSA_',
    relay_entire_domain: '_RELAY_ENTIRE_DOMAIN_',
    relay_based_on_MX: '_RELAY_MX_SERVED_',
    loose_relay_check: '_LOOSE_RELAY_CHECK_',
    relay_local_from: '_RELAY_LOCAL_FROM_',
    relay_mail_from: '_RELAY_DB_FROM_',
    relay_hosts_only: '_RELAY_HOSTS_ONLY_',
    access_db: '_ACCESS_TABLE_',
    msp: '_NO_MSA_',
};
function newCfState() {
    return { features: [], daemonOptions: [], relayDomains: [], updatingDpo: false };
}
function defineFlag(m4, name, span, body = '1') {
    m4.define(name, { kind: 'user', body, span });
}
/** cfhead.m4: `changecom()`, the sendmail macros, and diversion 0 at the end of cf.m4. */
function loadCfM4(m4, state, span) {
    m4.bcomm = '';
    m4.ecomm = '\n';
    m4.diversion = 0;
    defineFlag(m4, '_DPO_', span, '');
    m4.builtin('FEATURE', (m, c) => feature(m, state, c), false, span);
    m4.builtin('DAEMON_OPTIONS', (m, c) => daemonOptions(m, state, c), false, span);
    m4.builtin('OSTYPE', (m, c) => {
        m.breakLine(0);
        const name = c.args[0] ?? '';
        defineFlag(m, '__OSTYPE__', c.span, name);
        // ostype/solaris8.m4 and solaris11.m4 turn the default MTA into two listeners (inet and inet6).
        if (name === 'solaris8' || name === 'solaris11')
            defineFlag(m, '_NETINET6_', c.span, '');
        return '';
    }, false, span);
    m4.builtin('DOMAIN', (m, c) => {
        m.breakLine(0);
        // domain/debian-msp.m4 calls FEATURE(`no_default_msa').
        if ((c.args[0] ?? '') === 'debian-msp')
            defineFlag(m, '_NO_MSA_', c.span);
        return '';
    }, false, span);
    m4.builtin('MAILER', (m, c) => {
        m.breakLine(0);
        defineFlag(m, '_MAILER_DEFINED_', c.span);
        return '';
    }, false, span);
    m4.builtin('VERSIONID', (_m, c) => `#####  ${c.args[0] ?? ''}  #####`, false, span);
    for (const kind of ['RELAY_DOMAIN', 'RELAY_DOMAIN_FILE']) {
        m4.builtin(kind, (_m, c) => {
            state.relayDomains.push({ kind, value: c.args[0] ?? '', span: c.span });
            return '';
        }, false, span);
    }
    // Macros that only switch diversions (their text lands in sections we do not judge).
    const diverting = {
        LOCAL_RULE_0: 3, LOCAL_UUCP: 4, LOCAL_RULE_1: 9, LOCAL_RULE_2: 9, LOCAL_RULESETS: 9,
        LOCAL_RULE_3: 2, LOCAL_CONFIG: 6, MAILER_DEFINITIONS: 7, LOCAL_DNSBL: 8, LOCAL_NET_CONFIG: 1,
    };
    for (const [name, n] of Object.entries(diverting)) {
        m4.builtin(name, (m) => {
            m.diversion = n;
            return '';
        }, false, span);
    }
    m4.builtin('HACK', (m) => {
        m.breakLine(0);
        return '';
    }, false, span);
    // Macros that take arguments and write only class/map lines: consume them, output nothing.
    for (const name of [
        'SITECONFIG', 'EXPOSED_USER', 'EXPOSED_USER_FILE', 'LOCAL_USER', 'LOCAL_USER_FILE',
        'MASQUERADE_AS', 'MASQUERADE_DOMAIN', 'MASQUERADE_EXCEPTION', 'MASQUERADE_DOMAIN_FILE',
        'MASQUERADE_EXCEPTION_FILE', 'LOCAL_DOMAIN', 'CANONIFY_DOMAIN', 'CANONIFY_DOMAIN_FILE',
        'GENERICS_DOMAIN', 'GENERICS_DOMAIN_FILE', 'VIRTUSER_DOMAIN', 'VIRTUSER_DOMAIN_FILE',
        'TRUST_AUTH_MECH', 'CLIENT_OPTIONS', 'MAIL_FILTER', 'INPUT_MAIL_FILTER', 'QUEUE_GROUP',
        'MODIFY_MAILER_FLAGS', 'LDAPROUTE_DOMAIN', 'LDAPROUTE_DOMAIN_FILE', 'LDAPROUTE_EQUIVALENT',
        'LDAPROUTE_EQUIVALENT_FILE',
    ]) {
        m4.builtin(name, () => '', false, span);
    }
}
function feature(m4, state, c) {
    const name = c.args[0] ?? '';
    // Every feature file writes its VERSIONID banner line into diversion 0.
    m4.breakLine(0);
    if (name.includes('\uE000')) {
        m4.unknown(c.span, 'FEATURE with an unresolved name');
        return '';
    }
    let macro = FEATURE_MACROS[name] ?? null;
    if (name === 'relay_mail_from' && !m4.isDefined('_ACCESS_TABLE_')) {
        // feature/relay_mail_from.m4 only prints "*** ERROR: ... requires FEATURE(`access_db')".
        m4.note(c.span, "FEATURE(`relay_mail_from') requires FEATURE(`access_db') before it; m4 ignores it");
        macro = null;
    }
    state.features.push({ name, args: c.args.slice(1), span: c.span, macro });
    if (macro)
        defineFlag(m4, macro, c.span);
    if (name === 'msp' && (lookupDpo(m4) === '')) {
        // feature/msp.m4: without DAEMON_OPTIONS, one loopback listener "NoMTA".
        daemonOptions(m4, state, { ...c, args: ['Name=NoMTA, Addr=127.0.0.1, M=E'] });
    }
    return '';
}
function lookupDpo(m4) {
    const def = m4.lookup('_DPO_');
    return def && def.kind === 'user' ? def.body : '';
}
/** cfhead.m4: define(`_DPO_', defn(`_DPO_')<newline>O DaemonPortOptions=`$1'). */
function daemonOptions(m4, state, c) {
    const text = c.args[0] ?? '';
    state.updatingDpo = true;
    m4.define('_DPO_', { kind: 'user', body: `${lookupDpo(m4)}\nO DaemonPortOptions=${text}`, span: c.span });
    state.updatingDpo = false;
    state.daemonOptions.push({ text, span: c.span });
    return '';
}

;// CONCATENATED MODULE: ./src/mta/sendmail/m4-input.ts
class M4Input {
    fileText;
    frames = [];
    /** Total characters ever pushed: bounds memory against runaway expansions. */
    pushed = 0;
    constructor(fileText) {
        this.fileText = fileText;
        this.frames.push({ text: fileText, pos: 0, origin: null });
    }
    get fileFrame() {
        return this.frames[0];
    }
    push(text, origin) {
        if (text.length === 0)
            return;
        this.pushed += text.length;
        // Drop finished expansions first, so tail recursion does not grow the stack.
        while (this.frames.length > 1) {
            const f = this.frames[this.frames.length - 1];
            if (f.pos < f.text.length)
                break;
            this.frames.pop();
        }
        this.frames.push({ text, pos: 0, origin });
    }
    top() {
        for (;;) {
            const f = this.frames[this.frames.length - 1];
            if (!f)
                return undefined;
            if (f.pos < f.text.length)
                return f;
            if (this.frames.length === 1)
                return undefined;
            this.frames.pop();
        }
    }
    /** The character `ahead` places on, across frames; '' at end of input. */
    peek(ahead = 0) {
        let need = ahead;
        for (let i = this.frames.length - 1; i >= 0; i--) {
            const f = this.frames[i];
            const left = f.text.length - f.pos;
            if (need < left)
                return f.text.charAt(f.pos + need);
            need -= left;
        }
        return '';
    }
    /** Does the input continue with `s`? (multi-character quotes and comment delimiters) */
    startsWith(s) {
        for (let i = 0; i < s.length; i++)
            if (this.peek(i) !== s.charAt(i))
                return false;
        return s.length > 0;
    }
    location() {
        const f = this.top();
        if (!f)
            return { offset: this.fileText.length };
        return f.origin ? { origin: f.origin } : { offset: f.pos };
    }
    /** Consume one character; '' at end of input. */
    next() {
        const f = this.top();
        if (!f)
            return '';
        const ch = f.text.charAt(f.pos);
        f.pos++;
        return ch;
    }
    skip(n) {
        for (let i = 0; i < n; i++)
            this.next();
    }
    atEnd() {
        return this.top() === undefined;
    }
}

;// CONCATENATED MODULE: ./src/mta/sendmail/m4-builtins.ts

/**
 * The GNU m4 builtins a sendmail .mc uses, with GNU m4 1.4's rules. Builtins
 * marked `needsArgs` are recognized only when followed by `(` (define, ifdef,
 * ifelse, include, ...); a bare `define` is ordinary text, as in GNU m4.
 */
function installM4Builtins(m4) {
    m4.builtin('define', (m, c) => defineLike(m, c, 'define'), true);
    m4.builtin('pushdef', (m, c) => defineLike(m, c, 'pushdef'), true);
    m4.builtin('undefine', (m, c) => {
        for (const name of c.args) {
            if (hasUnknown(m, c, name, 'undefine of an unresolved macro name'))
                continue;
            m.undefine(name);
            m.hooks.onDefinitionChange?.(m, name, c);
        }
        return '';
    }, true);
    m4.builtin('popdef', (m, c) => {
        for (const name of c.args) {
            m.popdef(name);
            m.hooks.onDefinitionChange?.(m, name, c);
        }
        return '';
    }, true);
    m4.builtin('defn', (m, c) => {
        // A builtin's defn is a builtin token in GNU m4; only user text matters here.
        return c.args.map((name) => {
            const def = m.lookup(name);
            return def && def.kind === 'user' ? m.quote(def.body) : '';
        }).join('');
    }, true);
    m4.builtin('ifdef', (m, c) => {
        const name = c.args[0] ?? '';
        hasUnknown(m, c, name, 'ifdef of an unresolved macro name');
        return m.isDefined(name) ? (c.args[1] ?? '') : (c.args[2] ?? '');
    }, true);
    m4.builtin('ifelse', ifelse, true);
    m4.builtin('dnl', (m) => {
        m.discardLine();
        return '';
    }, false);
    m4.builtin('divert', (m, c) => {
        const text = (c.args[0] ?? '').trim();
        if (text === '')
            m.diversion = 0;
        else if (/^[-+]?[0-9]+$/.test(text))
            m.diversion = Number(text);
        else
            m.note(c.span, `non-numeric argument to builtin \`divert': ${text}`);
        return '';
    }, false);
    m4.builtin('divnum', (m) => String(m.diversion), false);
    m4.builtin('undivert', () => '', false);
    m4.builtin('changequote', (m, c) => {
        // GNU m4 1.4: no arguments restores ` and '; an empty start disables quoting; a missing end is '.
        if (c.args.length === 0) {
            m.lquote = '`';
            m.rquote = "'";
        }
        else {
            m.lquote = c.args[0] ?? '';
            m.rquote = m.lquote === '' ? '' : c.args[1] || "'";
        }
        return '';
    }, false);
    m4.builtin('changecom', (m, c) => {
        // No argument or an empty start turns comments off: cfhead.m4's `changecom()`.
        const start = c.args[0] ?? '';
        m.bcomm = start;
        m.ecomm = start === '' ? '\n' : c.args[1] || '\n';
        return '';
    }, false);
    m4.builtin('include', (m, c) => includeFile(m, c, false), true);
    m4.builtin('sinclude', (m, c) => includeFile(m, c, true), true);
    m4.builtin('shift', (m, c) => c.args.slice(1).map((a) => m.quote(a)).join(','), true);
    m4.builtin('len', (_m, c) => String((c.args[0] ?? '').length), true);
    m4.builtin('index', (_m, c) => String((c.args[0] ?? '').indexOf(c.args[1] ?? '')), true);
    m4.builtin('substr', (m, c) => {
        const s = c.args[0] ?? '';
        const from = Number(c.args[1] ?? '0');
        const len = c.args[2] === undefined ? s.length : Number(c.args[2]);
        if (!Number.isInteger(from) || !Number.isInteger(len))
            return '';
        return s.substr(from, Math.max(0, len));
    }, true);
    m4.builtin('incr', (_m, c) => String(Number.parseInt(c.args[0] ?? '0', 10) + 1), true);
    m4.builtin('decr', (_m, c) => String(Number.parseInt(c.args[0] ?? '0', 10) - 1), true);
    m4.builtin('errprint', () => '', true);
    m4.builtin('dumpdef', () => '', false);
    m4.builtin('traceon', () => '', false);
    m4.builtin('traceoff', () => '', false);
    for (const name of ['syscmd', 'esyscmd', 'm4wrap', 'eval', 'translit', 'regexp', 'patsubst', 'format', 'maketemp', 'mkstemp']) {
        m4.builtin(name, (m, c) => {
            // Never run commands; anything these produce is unknown to us.
            m.note(c.span, `m4 builtin \`${name}' is not evaluated by relaygate; its result is treated as empty`);
            m.unknown(c.span, `${name}()`);
            return '';
        }, true);
    }
}
function defineLike(m, c, how) {
    const name = c.args[0] ?? '';
    if (name === '' || hasUnknown(m, c, name, `${how} of an unresolved macro name`))
        return '';
    const def = { kind: 'user', body: c.args[1] ?? '', span: c.span };
    if (how === 'define')
        m.define(name, def);
    else
        m.pushdef(name, def);
    m.hooks.onDefinitionChange?.(m, name, c);
    return '';
}
/** GNU m4's ifelse: compare pairs; 4 or 5 arguments left means the 4th is the default. */
function ifelse(m, c) {
    let a = c.args;
    if (a.length <= 2)
        return '';
    for (;;) {
        const left = a[0] ?? '';
        const right = a[1] ?? '';
        if (isUnknown(left) || isUnknown(right))
            m.unknown(c.span, 'ifelse comparing an unresolved value');
        if (left === right)
            return a[2] ?? '';
        if (a.length === 3)
            return '';
        if (a.length === 4 || a.length === 5)
            return a[3] ?? '';
        a = a.slice(3);
    }
}
function hasUnknown(m, c, text, what) {
    if (!isUnknown(text))
        return false;
    m.unknown(c.span, what);
    return true;
}
function includeFile(m, c, silent) {
    const file = c.args[0] ?? '';
    if (m.hooks.include)
        return m.hooks.include(m, c, file, silent);
    if (!silent)
        m.note(c.span, `include(\`${file}') is not followed; what it defines is unknown to relaygate`);
    return '';
}

;// CONCATENATED MODULE: ./src/mta/sendmail/m4.ts



const DEFAULT_M4_LIMITS = { maxSteps: 200_000, maxText: 8_000_000, maxDepth: 400 };
/** Thrown inside the interpreter to stop it; turned into a fatal diagnostic by run(). */
class M4Stop extends Error {
    at;
    constructor(message, at) {
        super(message);
        this.at = at;
    }
}
const WORD_START = /[A-Za-z_]/;
const WORD_CHAR = /[A-Za-z0-9_]/;
const m4_SPACE = /[ \t\n\r\f\v]/;
class M4 {
    file;
    hooks;
    limits;
    input;
    lines;
    macros = new Map();
    diagnostics = [];
    /** Places where an unresolved template value decides what m4 does. */
    unknowns = [];
    lquote = '`';
    rquote = "'";
    /** Empty string: comments are off (as after `changecom()`). */
    bcomm = '#';
    ecomm = '\n';
    diversion = 0;
    /** When set, top-level output goes here instead of being counted and dropped. */
    capture = null;
    steps = 0;
    outputLength = 0;
    depth = 0;
    constructor(file, hooks = {}, limits = DEFAULT_M4_LIMITS) {
        this.file = file;
        this.hooks = hooks;
        this.limits = limits;
        this.input = new M4Input(file.text);
        this.lines = new LineIndex(file.text);
        installM4Builtins(this);
    }
    // ---- macro table -------------------------------------------------------
    lookup(name) {
        const stack = this.macros.get(name);
        return stack ? stack[stack.length - 1] : undefined;
    }
    isDefined(name) {
        return this.lookup(name) !== undefined;
    }
    /** `define`: replaces the top definition (GNU m4), keeping any pushdef'd ones below. */
    define(name, def) {
        const stack = this.macros.get(name);
        if (stack && stack.length > 0)
            stack[stack.length - 1] = def;
        else
            this.macros.set(name, [def]);
    }
    pushdef(name, def) {
        const stack = this.macros.get(name);
        if (stack)
            stack.push(def);
        else
            this.macros.set(name, [def]);
    }
    popdef(name) {
        const stack = this.macros.get(name);
        if (!stack)
            return;
        stack.pop();
        if (stack.length === 0)
            this.macros.delete(name);
    }
    undefine(name) {
        this.macros.delete(name);
    }
    builtin(name, fn, needsArgs, span = null) {
        this.define(name, { kind: 'builtin', name, fn, needsArgs, span });
    }
    quote(text) {
        return this.lquote + text + this.rquote;
    }
    // ---- positions ---------------------------------------------------------
    spanAt(loc, length = 1) {
        if ('origin' in loc)
            return loc.origin;
        const start = this.lines.position(loc.offset);
        const end = this.lines.position(Math.min(loc.offset + Math.max(length, 1), this.file.text.length));
        if (end.line === start.line && end.column <= start.column) {
            return { file: this.file.path, line: start.line, column: start.column, endLine: start.line, endColumn: start.column + 1 };
        }
        return { file: this.file.path, line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
    }
    note(span, message, fatal = false) {
        this.diagnostics.push({ file: this.file.path, line: span.line, column: span.column, message, fatal });
    }
    unknown(span, what) {
        this.unknowns.push({ span, what });
    }
    static hasUnknown(text) {
        return text.includes(UNKNOWN_MARK);
    }
    // ---- running -----------------------------------------------------------
    /** Read the whole input. Returns false when m4 would have stopped (a fatal diagnostic was recorded). */
    run() {
        try {
            for (;;) {
                const tok = this.readToken();
                if (!tok)
                    return true;
                this.process(tok, null);
            }
        }
        catch (e) {
            if (e instanceof M4Stop) {
                this.note(e.at, e.message, true);
                return false;
            }
            throw e;
        }
    }
    /** Evaluate extra text after the file (cf.m4's m4wrap'ed proto.m4), capturing its output. */
    evaluateAfterEnd(text, origin) {
        const captured = [];
        const saved = this.capture;
        this.capture = captured;
        this.input.push(text, origin);
        const ok = this.run();
        this.capture = saved;
        return ok ? captured.join('') : null;
    }
    process(tok, arg) {
        if (tok.kind === 'word') {
            const def = this.lookup(tok.text);
            if (def) {
                this.call(tok, def, arg);
                return;
            }
        }
        if (arg)
            arg.push(tok.text);
        else
            this.emit(tok.text, tok.loc);
    }
    /**
     * Output lines that start with `O` (sendmail.cf option lines), per diversion,
     * with where they came from: text a .mc writes directly lands in the .cf.
     */
    optionLines = new Map();
    openLines = new Map();
    emit(text, loc) {
        if (this.diversion < 0)
            return;
        this.outputLength += text.length;
        this.capture?.push(text);
        if (!this.capture)
            this.trackLines(text, loc);
        this.checkText();
    }
    trackLines(text, loc) {
        const d = this.diversion;
        let start = 0;
        while (start <= text.length) {
            const nl = text.indexOf('\n', start);
            const piece = text.slice(start, nl < 0 ? text.length : nl);
            let open = this.openLines.get(d);
            if (!open && piece !== '') {
                open = { text: '', span: this.spanAt(loc) };
                this.openLines.set(d, open);
            }
            if (open)
                open.text += piece;
            if (nl < 0)
                return;
            if (open) {
                if (open.text.startsWith('O')) {
                    const list = this.optionLines.get(d) ?? [];
                    list.push(open);
                    this.optionLines.set(d, list);
                }
                this.openLines.delete(d);
            }
            start = nl + 1;
        }
    }
    /** Text that ends a line in `diversion` (a feature file's VERSIONID banner in diversion 0). */
    breakLine(diversion) {
        const saved = this.diversion;
        this.diversion = diversion;
        if (!this.capture)
            this.trackLines('\n', { offset: 0 });
        this.diversion = saved;
    }
    checkText() {
        if (this.outputLength + this.input.pushed > this.limits.maxText) {
            throw new M4Stop(`m4 expansion limit: more than ${this.limits.maxText} characters of expansion`, this.spanAt(this.input.location()));
        }
    }
    call(tok, def, arg) {
        const hasParens = this.input.peek() === '(';
        // GNU m4: some builtins (define, ifdef, ifelse, include, ...) are recognized only with arguments.
        if (def.kind === 'builtin' && def.needsArgs && !hasParens) {
            if (arg)
                arg.push(tok.text);
            else
                this.emit(tok.text, tok.loc);
            return;
        }
        this.steps++;
        if (this.steps > this.limits.maxSteps) {
            throw new M4Stop(`m4 expansion limit: more than ${this.limits.maxSteps} macro calls`, this.spanAt(tok.loc, tok.length));
        }
        let args = [];
        if (hasParens) {
            this.input.next();
            args = this.collectArgs(tok);
        }
        const span = this.callSpan(tok, hasParens);
        const call = { name: tok.text, args, span, hadParens: hasParens };
        const result = def.kind === 'user' ? this.substitute(def.body, call) : def.fn(this, call);
        this.input.push(result, span);
        this.checkText();
    }
    callSpan(tok, hasParens) {
        if ('origin' in tok.loc)
            return tok.loc.origin;
        const start = tok.loc.offset;
        const filePos = this.input.fileFrame.pos;
        const end = hasParens && filePos > start + tok.length ? filePos : start + tok.length;
        return this.spanAt(tok.loc, end - start);
    }
    /**
     * GNU m4 argument collection: leading unquoted whitespace of each argument is
     * skipped, commas split arguments only outside parentheses, quotes are removed
     * once, and macros inside arguments are expanded before the call.
     */
    collectArgs(nameTok) {
        this.depth++;
        if (this.depth > this.limits.maxDepth) {
            throw new M4Stop(`m4 expansion limit: macro calls nested deeper than ${this.limits.maxDepth}`, this.spanAt(nameTok.loc, nameTok.length));
        }
        const args = [];
        try {
            for (;;) {
                while (m4_SPACE.test(this.input.peek()) && this.input.peek() !== '')
                    this.input.next();
                const arg = [];
                let parens = 0;
                for (;;) {
                    const tok = this.readToken();
                    if (!tok)
                        throw new M4Stop('ERROR: end of file in argument list', this.spanAt(nameTok.loc, nameTok.length));
                    if (tok.kind === 'char') {
                        if (tok.text === '(')
                            parens++;
                        else if (tok.text === ')') {
                            if (parens === 0) {
                                args.push(arg.join(''));
                                return args;
                            }
                            parens--;
                        }
                        else if (tok.text === ',' && parens === 0) {
                            args.push(arg.join(''));
                            break;
                        }
                    }
                    this.process(tok, arg);
                }
            }
        }
        finally {
            this.depth--;
        }
    }
    /** User macro body: `$0`..`$N` (GNU: several digits), `$#`, `$*`, `$@`. */
    substitute(body, call) {
        if (!body.includes('$'))
            return body;
        const out = [];
        let i = 0;
        while (i < body.length) {
            const ch = body.charAt(i);
            if (ch !== '$' || i + 1 >= body.length) {
                out.push(ch);
                i++;
                continue;
            }
            const next = body.charAt(i + 1);
            if (next >= '0' && next <= '9') {
                let j = i + 1;
                while (j < body.length && body.charAt(j) >= '0' && body.charAt(j) <= '9')
                    j++;
                const n = Number(body.slice(i + 1, j));
                out.push(n === 0 ? call.name : (call.args[n - 1] ?? ''));
                i = j;
            }
            else if (next === '#') {
                out.push(String(call.args.length));
                i += 2;
            }
            else if (next === '*') {
                out.push(call.args.join(','));
                i += 2;
            }
            else if (next === '@') {
                out.push(call.args.map((a) => this.quote(a)).join(','));
                i += 2;
            }
            else {
                out.push(ch);
                i++;
            }
        }
        return out.join('');
    }
    // ---- tokens ------------------------------------------------------------
    readToken() {
        const input = this.input;
        const ch = input.peek();
        if (ch === '')
            return null;
        const loc = input.location();
        // GNU m4 checks for a comment first, then a word, then a quoted string.
        if (this.bcomm !== '' && input.startsWith(this.bcomm)) {
            const parts = [this.bcomm];
            input.skip(this.bcomm.length);
            for (;;) {
                if (input.startsWith(this.ecomm)) {
                    parts.push(this.ecomm);
                    input.skip(this.ecomm.length);
                    break;
                }
                const c = input.next();
                if (c === '')
                    throw new M4Stop('ERROR: end of file in comment', this.spanAt(loc));
                parts.push(c);
            }
            return { kind: 'comment', text: parts.join(''), loc };
        }
        if (WORD_START.test(ch)) {
            let text = input.next();
            while (WORD_CHAR.test(input.peek()) && input.peek() !== '')
                text += input.next();
            return { kind: 'word', text, loc, length: text.length };
        }
        if (this.lquote !== '' && input.startsWith(this.lquote)) {
            input.skip(this.lquote.length);
            const parts = [];
            let level = 1;
            for (;;) {
                if (input.startsWith(this.rquote)) {
                    input.skip(this.rquote.length);
                    if (--level === 0)
                        break;
                    parts.push(this.rquote);
                }
                else if (input.startsWith(this.lquote)) {
                    input.skip(this.lquote.length);
                    level++;
                    parts.push(this.lquote);
                }
                else {
                    const c = input.next();
                    if (c === '')
                        throw new M4Stop('ERROR: end of file in string', this.spanAt(loc));
                    parts.push(c);
                }
            }
            return { kind: 'string', text: parts.join(''), loc };
        }
        return { kind: 'char', text: input.next(), loc };
    }
    /** `dnl`: discard through the next newline (across expansions, as m4 reads). */
    discardLine() {
        for (;;) {
            const c = this.input.next();
            if (c === '' || c === '\n')
                return;
        }
    }
}

;// CONCATENATED MODULE: ./src/mta/sendmail/mc.ts




/** The include of cf.m4, by any path (`/usr/share/sendmail/cf/m4/cf.m4`, `../m4/cf.m4`). */
const CF_M4 = /(^|\/)cf\.m4$/;
/**
 * proto.m4's listener lines (m4wrap'ed: read after the .mc ends), quoted with
 * the default quotes: `_DPO_` holds every DAEMON_OPTIONS; without any, one
 * MTA on every address; the MSA on port 587 unless `_NO_MSA_` is defined.
 */
const PROTO_LISTENERS = "ifelse(defn(`_DPO_'), `',\n" +
    "`ifdef(`_NETINET6_', `O DaemonPortOptions=Name=MTA-v4, Family=inet\n" +
    "O DaemonPortOptions=Name=MTA-v6, Family=inet6',`O DaemonPortOptions=Name=MTA')', `_DPO_')\n" +
    "ifdef(`_NO_MSA_', `dnl', `O DaemonPortOptions=Port=587, Name=MSA, M=E')\n";
const DEFAULT_MSA = 'Port=587, Name=MSA, M=E';
/**
 * Analyse a sendmail .mc as `m4` would build it. A .mc that includes cf.m4
 * itself (Debian, RHEL) is built as `m4 file.mc`: `#` is an m4 comment until
 * the include, whose `changecom()` turns comments off. Any other .mc is built
 * as `m4 cf.m4 file.mc`, so `#` is never a comment in it.
 */
function analyseMc(file) {
    const plain = mc_evaluate(file, false);
    if (plain.cfIncluded)
        return plain.analysis;
    return mc_evaluate(file, true).analysis;
}
function mc_evaluate(file, preloadCf) {
    const state = newCfState();
    let cfInclude = null;
    let cfLoaded = false;
    const m4 = new M4(file, {
        include(m, call, path, silent) {
            if (CF_M4.test(path.trim())) {
                cfInclude ??= call.span;
                // cf.m4: ifdef(`OSTYPE', `dnl', `include(cfhead.m4)'); either way it ends in divert(0).
                if (!m.isDefined('OSTYPE')) {
                    loadCfM4(m, state, call.span);
                    cfLoaded = true;
                }
                m.diversion = 0;
                return '';
            }
            if (!silent)
                m.note(call.span, `include(\`${path}') is not followed: relaygate does not read other files; what it defines is unknown`);
            return '';
        },
        onDefinitionChange(_m, name) {
            if (name === '_DPO_' && !state.updatingDpo)
                state.daemonOptions = [];
        },
    });
    const firstLine = { file: file.path, line: 1, column: 1, endLine: 1, endColumn: Math.max(2, m4.lines.lineText(1).length + 1) };
    if (preloadCf) {
        loadCfM4(m4, state, firstLine);
        cfLoaded = true;
    }
    const ok = m4.run();
    const analysis = {
        listeners: [],
        features: [],
        promiscuousRelay: { enabled: false, span: null },
        relayDomains: state.relayDomains,
        unknowns: m4.unknowns,
        cfInclude,
        diagnostics: m4.diagnostics,
    };
    if (!ok || !cfLoaded)
        return { analysis, cfIncluded: cfInclude !== null };
    analysis.features = featuresInEffect(m4, state);
    const promiscuous = m4.lookup('_PROMISCUOUS_RELAY_');
    analysis.promiscuousRelay = { enabled: promiscuous !== undefined, span: promiscuous?.span ?? null };
    const defaultsAt = cfInclude ?? firstLine;
    const raw = rawOptionLines(m4);
    const listeners = endListeners(m4, state, defaultsAt);
    if (listeners)
        analysis.listeners = [...raw.before, ...listeners, ...raw.after];
    return { analysis, cfIncluded: cfInclude !== null };
}
/** A feature whose macro was undefined again is not in effect; the call that last defined it is. */
function featuresInEffect(m4, state) {
    const out = [];
    for (const f of state.features) {
        if (f.macro) {
            const def = m4.lookup(f.macro);
            if (!def || def.span !== f.span)
                continue;
        }
        out.push({ name: f.name, args: f.args, span: f.span });
    }
    return out;
}
/**
 * `O DaemonPortOptions=` lines a .mc writes itself (plain text, or after
 * LOCAL_CONFIG) are options in the built .cf too. Where each diversion lands
 * in the .cf, relative to proto.m4's own DaemonPortOptions (measured with
 * sendmail-cf 8.17): 0, 5 and 6 before; 2, 4, 3, 8, 9, 7, 1 after; others at the end.
 */
const DIVERSIONS_BEFORE = [0, 5, 6];
const DIVERSIONS_AFTER = [2, 4, 3, 8, 9, 7, 1];
function rawOptionLines(m4) {
    const read = (d) => (m4.optionLines.get(d) ?? []).flatMap((l) => {
        const value = daemonPortOptionsValue(l.text);
        return value === null ? [] : [readDaemonPortOptions(value, 'O DaemonPortOptions', l.span)];
    });
    const rest = [...m4.optionLines.keys()].filter((d) => d > 9).sort((a, b) => a - b);
    return { before: DIVERSIONS_BEFORE.flatMap(read), after: [...DIVERSIONS_AFTER, ...rest].flatMap(read) };
}
function endListeners(m4, state, defaultsAt) {
    const dpo = m4.lookup('_DPO_');
    const dpoEmpty = !dpo || dpo.kind !== 'user' || dpo.body === '';
    const noMsa = m4.isDefined('_NO_MSA_');
    // proto.m4 writes its options section in diversion 0, with the default quotes.
    m4.lquote = '`';
    m4.rquote = "'";
    m4.diversion = 0;
    // proto.m4's own ifelse on an unresolved _DPO_ is not a new unknown: the listener text carries it.
    const unknownsBefore = m4.unknowns.length;
    const out = m4.evaluateAfterEnd(PROTO_LISTENERS, defaultsAt);
    m4.unknowns.length = unknownsBefore;
    if (out === null)
        return null;
    const texts = [];
    for (const line of out.split('\n')) {
        if (line.startsWith('O DaemonPortOptions='))
            texts.push(line.slice('O DaemonPortOptions='.length));
    }
    const listeners = [];
    let msa = null;
    if (!noMsa && texts[texts.length - 1] === DEFAULT_MSA)
        msa = texts.pop() ?? null;
    const calls = state.daemonOptions;
    texts.forEach((text, i) => {
        if (dpoEmpty) {
            listeners.push(readDaemonPortOptions(text, 'default MTA', defaultsAt));
            return;
        }
        const call = calls.length === texts.length ? calls[i] : calls[calls.length - 1];
        listeners.push(readDaemonPortOptions(text, 'DAEMON_OPTIONS', call?.span ?? defaultsAt));
    });
    if (msa !== null)
        listeners.push(readDaemonPortOptions(msa, 'default MSA', defaultsAt));
    return listeners;
}

;// CONCATENATED MODULE: ./src/mta/sendmail/index.ts



function stem(file) {
    return posix_default().join(posix_default().dirname(file), posix_default().basename(file, posix_default().extname(file)));
}
/**
 * Groups sendmail files into configurations and analyses them. A .mc and the
 * .cf of the same name in the same directory are one configuration, judged
 * from the .mc (the .cf is what m4 built from it); a .cf alone (sendmail.cf,
 * submit.cf) is judged from its own lines and rulesets.
 */
/** A .mc by discovery's judgement (content), else by name. */
function isMc(file) {
    return file.role ? file.role === 'sendmail.mc' : file.path.endsWith('.mc');
}
function assembleSendmail(files) {
    const mcByStem = new Map();
    for (const f of files)
        if (isMc(f))
            mcByStem.set(stem(f.path), f);
    const cfWithMc = new Set();
    for (const f of files)
        if (!isMc(f) && mcByStem.has(stem(f.path)))
            cfWithMc.add(f.path);
    const out = [];
    for (const f of [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
        if (isMc(f)) {
            const cf = files.find((g) => cfWithMc.has(g.path) && stem(g.path) === stem(f.path)) ?? null;
            out.push({
                mta: 'sendmail',
                files: cf ? [f.path, cf.path] : [f.path],
                form: 'plain',
                mc: f.path,
                cf: cf?.path ?? null,
                ...analyseMc(f),
            });
        }
        else if (!cfWithMc.has(f.path)) {
            out.push({ mta: 'sendmail', files: [f.path], form: 'plain', mc: null, cf: f.path, ...analyseCf(f) });
        }
    }
    return out;
}

;// CONCATENATED MODULE: ./src/policy/fingerprint.ts

/**
 * A fingerprint that survives unrelated edits: the rule, the file and the
 * offending line's text (whitespace-normalised), plus an ordinal for
 * identical lines. Line numbers are left out so inserting lines above a
 * finding does not make it "new" against a baseline.
 */
function fingerprint(ruleId, file, lineText, ordinal) {
    const normalised = lineText.trim().replace(/\s+/g, ' ');
    return (0,external_node_crypto_namespaceObject.createHash)('sha256').update(`${ruleId}\0${file}\0${normalised}\0${ordinal}`).digest('hex').slice(0, 32);
}

;// CONCATENATED MODULE: ./src/policy/suppressions.ts

// Linear-time: each alternative is anchored on a fixed marker, quantifiers do not nest.
const MARKER = /relaygate-ignore[ \t]+([A-Za-z0-9_-]+)[ \t]*(?::([^\n]*))?/;
function commentPart(lineText, style) {
    const trimmed = lineText.trimStart();
    if (trimmed.startsWith('#'))
        return trimmed.slice(1);
    if (style === 'postfix')
        return null;
    const dnl = lineText.search(/(^|[^A-Za-z0-9_])dnl([^A-Za-z0-9_]|$)/);
    if (style === 'm4' && dnl >= 0)
        return lineText.slice(dnl);
    const jinja = lineText.indexOf('{#');
    if (jinja >= 0)
        return lineText.slice(jinja + 2);
    const erb = lineText.indexOf('<%#');
    if (erb >= 0)
        return lineText.slice(erb + 3);
    return null;
}
function commentStyleFor(path) {
    const base = path.slice(path.lastIndexOf('/') + 1).toLowerCase();
    if (base.endsWith('.mc') || base.endsWith('.m4'))
        return 'm4';
    if (/\.(j2|jinja2?|erb|epp|tmpl|tpl|gotmpl)$/.test(base))
        return 'template';
    return 'postfix';
}
function parseLine(lineText, line, style) {
    const comment = commentPart(lineText, style);
    if (comment === null)
        return null;
    const m = MARKER.exec(comment);
    if (!m || m[1] === undefined)
        return null;
    let reason = (m[2] ?? '').trim();
    reason = reason.replace(/(#\}|%>)\s*$/, '').trim();
    const column = lineText.indexOf('relaygate-ignore') + 1;
    return { ruleId: m[1], reason: reason === '' ? null : reason, line, column };
}
/** The suppression that covers `line` of `file` for `ruleId`, if any (same line first, then the line above). */
function findSuppression(file, index, line, ruleId) {
    const style = commentStyleFor(file.path);
    for (const l of [line, line - 1]) {
        if (l < 1 || l > index.lineCount)
            continue;
        const s = parseLine(index.lineText(l), l, style);
        if (s && s.ruleId === ruleId)
            return s;
    }
    return null;
}
function indexFor(file) {
    return new LineIndex(file.text);
}

;// CONCATENATED MODULE: ./src/policy/index.ts


const INVALID_SUPPRESSION = 'invalid-suppression';
/**
 * Turns rule results into findings: indeterminate level, fingerprints,
 * inline suppressions, baseline and pull-request scope. Order is stable:
 * by file, line, column, rule.
 */
function applyPolicy(results, input) {
    const indexes = new Map();
    const indexOf = (path) => {
        const file = input.files.get(path);
        if (!file)
            return null;
        let index = indexes.get(path);
        if (!index) {
            index = indexFor(file);
            indexes.set(path, index);
        }
        return index;
    };
    const sorted = [...results].sort((a, b) => a.span.file.localeCompare(b.span.file) ||
        a.span.line - b.span.line ||
        a.span.column - b.span.column ||
        a.ruleId.localeCompare(b.ruleId) ||
        a.message.localeCompare(b.message));
    const seen = new Map();
    const findings = [];
    const invalid = [];
    for (const r of sorted) {
        if (r.certainty === 'indeterminate' && input.indeterminate === 'ignore')
            continue;
        const level = r.certainty === 'indeterminate' ? input.indeterminate : r.level;
        const index = indexOf(r.span.file);
        const lineText = index ? index.lineText(r.span.line) : '';
        const key = `${r.ruleId}\0${r.span.file}\0${lineText.trim()}`;
        const ordinal = seen.get(key) ?? 0;
        seen.set(key, ordinal + 1);
        const fp = fingerprint(r.ruleId, r.span.file, lineText, ordinal);
        let suppressed = null;
        const file = input.files.get(r.span.file);
        if (file && index) {
            const s = findSuppression(file, index, r.span.line, r.ruleId);
            if (s && s.reason !== null) {
                suppressed = { kind: 'inline', reason: s.reason, file: r.span.file, line: s.line };
            }
            else if (s) {
                invalid.push({
                    ruleId: INVALID_SUPPRESSION,
                    level: 'warning',
                    certainty: 'definite',
                    mta: r.mta,
                    message: `The suppression of ${r.ruleId} on line ${s.line} has no reason, so it does not suppress; write "relaygate-ignore ${r.ruleId}: <why this is acceptable>".`,
                    fix: `Add the reason after a colon: relaygate-ignore ${r.ruleId}: <reason>.`,
                    ids: [],
                    span: { file: r.span.file, line: s.line, column: s.column, endLine: s.line, endColumn: s.column + 'relaygate-ignore'.length },
                    related: [],
                });
            }
        }
        if (!suppressed && input.baseline.has(fp)) {
            suppressed = { kind: 'baseline', reason: 'recorded in the baseline' };
        }
        findings.push({
            ruleId: r.ruleId,
            level,
            certainty: r.certainty,
            mta: r.mta,
            message: r.message,
            fix: r.fix,
            ids: r.ids,
            file: r.span.file,
            line: r.span.line,
            column: r.span.column,
            endLine: r.span.endLine,
            endColumn: r.span.endColumn,
            related: r.related,
            fingerprint: fp,
            suppressed,
        });
    }
    if (invalid.length > 0) {
        const unique = new Map(invalid.map((r) => [`${r.span.file}:${r.span.line}:${r.message}`, r]));
        findings.push(...applyPolicy([...unique.values()], { ...input, files: new Map() }));
        findings.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId));
    }
    if (input.changed === null)
        return findings;
    const changed = input.changed;
    return findings.filter((f) => changed.has(f.file) || f.related.some((r) => changed.has(r.file)));
}

;// CONCATENATED MODULE: ./src/scan.ts













/** The one engine behind the action, the CLI and every report. Imports nothing from @actions/*. */
async function scan(options) {
    const started = Date.now();
    const discovery = await discover({
        root: options.root,
        paths: options.paths,
        include: options.include,
        exclude: options.exclude,
    });
    const results = [];
    const notes = [...discovery.notes];
    const files = new Map();
    const postfixFiles = [];
    const sendmailFiles = [];
    const templates = new Map();
    const extraVars = discovery.candidates.some((c) => c.template !== undefined) ? await readExtraVars(options) : [];
    for (const candidate of discovery.candidates) {
        if (candidate.unreadable) {
            const u = candidate.unreadable;
            results.push(unreadable(candidate.kind, candidate.path, u.line, u.column, u.reason));
            continue;
        }
        if (!candidate.file)
            continue;
        const file = { ...candidate.file, role: candidate.role };
        // Suppressions and fingerprints read the lines a person edits: the template's.
        files.set(candidate.path, file);
        let judged = file;
        if (candidate.template !== undefined) {
            const rendered = renderCandidate(candidate, file, options.root, extraVars, notes, results);
            if (rendered === null)
                continue;
            templates.set(candidate.path, rendered);
            judged = { path: file.path, text: rendered.fragment.text, role: candidate.role };
        }
        (candidate.kind === 'postfix' ? postfixFiles : sendmailFiles).push(judged);
    }
    const assembled = [...assemblePostfix(postfixFiles), ...assembleSendmail(sendmailFiles)];
    const configurations = assembled.map((config) => backToTemplates(config, templates));
    const context = { profile: PROFILES[options.profile] };
    for (const config of configurations) {
        // A file the mail server itself would refuse (postfix exits, m4 stops) is
        // reported once, as config-unreadable; judging the rest of it would
        // describe a server that cannot start.
        const unreadableConfig = config.diagnostics.some((d) => d.fatal);
        for (const rule of RULES) {
            if (unreadableConfig && rule !== config_unreadable_rule)
                continue;
            for (const result of rule.check(config, context))
                results.push(withVariableOrigins(result, templates, files));
        }
    }
    const findings = applyPolicy(results, {
        indeterminate: options.indeterminate,
        baseline: options.baseline ? await readBaseline(options.root, options.baseline) : new Set(),
        changed: options.changed ? new Set(options.changed) : null,
        files,
    });
    return {
        root: options.root,
        findings,
        configurations: configurations.map((c) => ({ mta: c.mta, files: c.files, form: c.form })),
        filesScanned: discovery.filesListed,
        durationMs: Date.now() - started,
        notes,
    };
}
/**
 * `--vars` files: Ansible extra vars, the highest precedence. A file that
 * cannot be read as a YAML mapping is a usage error, never a silent pass.
 */
async function readExtraVars(options) {
    const scopes = [];
    for (const file of options.vars) {
        const full = external_node_path_default().resolve(options.root, file);
        const relative = external_node_path_default().relative(options.root, full);
        const shown = relative.startsWith('..') || external_node_path_default().isAbsolute(relative) ? file : relative.split((external_node_path_default()).sep).join('/');
        let text;
        try {
            text = await (0,promises_namespaceObject.readFile)(full, 'utf8');
        }
        catch (e) {
            throw new OptionsError(`vars: cannot read ${file}: ${e.message}`);
        }
        // Ansible reads YAML 1.1 (PyYAML): yes/no are booleans there.
        const document = (0,dist/* parseDocument */.Tp)(text, { version: '1.1', prettyErrors: false });
        const error = document.errors[0];
        if (error !== undefined)
            throw new OptionsError(`vars: ${file} is not valid YAML: ${error.message.split('\n')[0] ?? ''}`);
        let data;
        try {
            data = document.toJS({ maxAliasCount: 100 }) ?? {};
        }
        catch (e) {
            throw new OptionsError(`vars: ${file} cannot be read: ${e.message}`);
        }
        if (typeof data !== 'object' || data === null || Array.isArray(data)) {
            throw new OptionsError(`vars: ${file} is not a YAML mapping of variable names to values`);
        }
        scopes.push(plainScope(data, shown));
    }
    return scopes;
}
/**
 * Renders a template candidate with its role's variables. A template the
 * renderer cannot read is config-unreadable at its line (null: not judged).
 */
function renderCandidate(candidate, file, root, extraVars, notes, results) {
    const vars = loadAnsibleVariables(candidate.path, fileSystemRepository(root), extraVars);
    for (const d of vars.diagnostics) {
        notes.push(`${d.file}:${d.line}: variables file could not be read (${d.message}); the variables it declares are unknown`);
    }
    const rendered = renderTemplate({ path: file.path, text: file.text }, vars);
    if (rendered.diagnostics.length > 0) {
        for (const d of rendered.diagnostics)
            results.push(unreadable(candidate.kind, candidate.path, d.line, d.column, d.message));
        return null;
    }
    if (candidate.role !== 'main.cf')
        return rendered;
    return { ...rendered, fragment: markMaybeParameters(rendered.fragment) };
}
/** A main.cf `name = value` line start: the name, then `=` with its spaces (no nested quantifiers). */
const PARAMETER_START = /^[A-Za-z0-9_.-]+[ \t]*=[ \t]*/;
/**
 * A definition rendered inside an `if` or loop the renderer could not decide
 * may or may not be in the real main.cf: its value becomes unknown
 * (UNKNOWN_MARK right after `=`), so rules answer "indeterminate" instead of
 * passing on a definition that may not exist. The source map is shifted so
 * spans after the mark still land on the template's columns.
 */
function markMaybeParameters(fragment) {
    if (fragment.maybeLines.size === 0)
        return fragment;
    const lines = fragment.text.split('\n');
    const inserts = new Map();
    for (const line of fragment.maybeLines) {
        const text = lines[line - 1];
        if (text === undefined)
            continue;
        const start = PARAMETER_START.exec(text);
        if (start === null)
            continue;
        const column = start[0].length + 1;
        lines[line - 1] = text.slice(0, column - 1) + UNKNOWN_MARK + text.slice(column - 1);
        inserts.set(line, column);
    }
    if (inserts.size === 0)
        return fragment;
    const segments = [];
    for (const segment of fragment.map.segments) {
        const column = inserts.get(segment.line);
        if (column === undefined || segment.endColumn <= column)
            segments.push(segment);
        else
            segments.push(...shifted(segment, column));
    }
    return { ...fragment, text: lines.join('\n'), map: new SourceMap(segments) };
}
/** A segment with one character inserted at `column`: the mark maps to where the value starts. */
function shifted(segment, column) {
    if (segment.column >= column) {
        const moved = { ...segment, column: segment.column + 1, endColumn: segment.endColumn + 1 };
        return segment.column === column ? [{ ...segment, endColumn: column + 1 }, moved] : [moved];
    }
    const at = segment.kind === 'literal' ? { line: segment.from.line, column: segment.from.column + (column - segment.column) } : segment.from;
    return [
        { ...segment, endColumn: column },
        { ...segment, column, endColumn: column + 1, from: at },
        { ...segment, column: column + 1, endColumn: segment.endColumn + 1, from: at },
    ];
}
/** Spans of rendered templates back on the template lines, and the configuration's form. */
function backToTemplates(config, templates) {
    let out = config;
    let templated = false;
    for (const file of config.files) {
        const rendered = templates.get(file);
        if (rendered === undefined)
            continue;
        out = remapSpans(out, rendered.fragment);
        templated = true;
    }
    return templated ? { ...out, form: 'jinja2' } : out;
}
/** At most this many "value comes from" locations per finding. */
const MAX_VARIABLE_ORIGINS = 5;
/**
 * A finding on a template points to where its variables are defined. The
 * variables named on the finding's own template lines come first; when the
 * lines name none, every variable the template read (with a known origin).
 */
function withVariableOrigins(result, templates, files) {
    const rendered = templates.get(result.span.file);
    if (rendered === undefined)
        return result;
    const known = rendered.usedVariables.filter((v) => v.origin !== null);
    const lines = (files.get(result.span.file)?.text ?? '').split('\n').slice(result.span.line - 1, result.span.endLine).join('\n');
    const named = known.filter((v) => new RegExp(`\\b${v.name.replace(/[^A-Za-z0-9_]/g, '')}\\b`).test(lines));
    const related = (named.length > 0 ? named : known).slice(0, MAX_VARIABLE_ORIGINS).map((v) => ({
        file: v.origin?.file ?? '',
        line: v.origin?.line ?? 1,
        message: `value comes from ${v.name} here`,
    }));
    return related.length === 0 ? result : { ...result, related: [...result.related, ...related] };
}
/** A baseline is an earlier JSON report: its findings' fingerprints do not fail the scan. */
async function readBaseline(root, file) {
    const full = external_node_path_default().resolve(root, file);
    let parsed;
    try {
        parsed = JSON.parse(await (0,promises_namespaceObject.readFile)(full, 'utf8'));
    }
    catch (e) {
        throw new OptionsError(`baseline: cannot read ${file}: ${e.message}`);
    }
    const findings = parsed.findings;
    if (!Array.isArray(findings)) {
        throw new OptionsError(`baseline: ${file} is not a relaygate JSON report (no "findings" array)`);
    }
    const set = new Set();
    for (const f of findings) {
        const fp = f.fingerprint;
        if (typeof fp === 'string')
            set.add(fp);
    }
    return set;
}

;// CONCATENATED MODULE: ./src/cli/help.ts



/** `relaygate --help`: the contract of DESIGN.md "CLI", plus how paths are read. */
const HELP = `Usage: relaygate [options] [path...]

Finds Postfix and sendmail configuration and reports where mail relaying is
not restricted (DISA STIG GEN004710 and its successors).

Paths:
  relaygate              scans the current directory
  relaygate DIR          scans DIR; DIR is the scan root
  relaygate PATH...      a file or several paths: the current directory is the
                         scan root and only these paths are scanned
  Reported paths are relative to the scan root.

Options:
  --format FORMAT        ${FORMATS.join('|')} (default text)
  --output FILE          write the report to FILE instead of standard output
  --config FILE          settings file (default: .relaygate.yml at the scan root, if present)
  --profile PROFILE      ${PROFILE_IDS.join('|')} (default gen004710)
  --fail-on LEVEL        ${FAIL_ON_VALUES.join('|')}: the lowest level that fails (default error)
  --indeterminate LEVEL  ${INDETERMINATE_VALUES.join('|')}: level of results that depend
                         on values relaygate could not resolve (default warning)
  --include GLOB         also scan files matching GLOB (repeatable; relative to the scan root)
  --exclude GLOB         leave out files matching GLOB (repeatable; relative to the scan root)
  --vars FILE            extra template variables, YAML or JSON (repeatable)
  --baseline FILE        an earlier JSON report: findings recorded there do not fail
  --changed FILE         newline-separated changed paths (relative to the current
                         directory): report only findings in those files
  -h, --help             show this help
  --version              show the version

Flags override .relaygate.yml. In that file, vars and baseline paths are relative
to the file; on the command line, FILE arguments are relative to the current directory.

Exit status:
  0  nothing at or above --fail-on
  1  findings at or above --fail-on
  2  bad usage or configuration, or the scan could not complete
`;

;// CONCATENATED MODULE: ./src/cli/run.ts












const EXIT_PASS = 0;
const EXIT_FINDINGS = 1;
const EXIT_USAGE = 2;
/**
 * `relaygate [options] [path...]`: returns the exit status (DESIGN.md "CLI").
 * 2 for bad usage or configuration (one line naming the flag or file) and for
 * an internal error (one line; the stack only with RELAYGATE_DEBUG=1).
 */
async function runCli(argv, io, engine = scan) {
    try {
        const args = parseCliArgs(argv);
        if (args.help) {
            io.stdout(HELP);
            return EXIT_PASS;
        }
        if (args.version) {
            io.stdout(`relaygate ${VERSION}\n`);
            return EXIT_PASS;
        }
        const { root, paths } = await scanTarget(args.paths, io.cwd);
        const changed = args.changed === null ? null : await readChanged(args.changed, io.cwd, root);
        const { options } = await loadOptions({
            root,
            paths,
            config: args.config === null ? null : { file: external_node_path_default().resolve(io.cwd, args.config), setting: '--config' },
            overrides: relativeToCwd(args.settings, io.cwd),
            changed,
            cwd: io.cwd,
        });
        const result = await engine(options);
        for (const note of result.notes)
            io.stderr(`relaygate: note: ${visible(note)}\n`);
        const report = buildReport(result, options.failOn);
        const text = render(args.format, report);
        if (args.output === null) {
            io.stdout(text);
        }
        else {
            const file = external_node_path_default().resolve(io.cwd, args.output);
            await writeOutput(file, text, shownPath(io.cwd, file));
            const s = report.summary;
            io.stderr(`relaygate: ${s.result}: ${plural(s.findings, 'finding')} (${levelCounts(s.byLevel)}); ` +
                `${args.format} report written to ${visible(shownPath(io.cwd, file))}\n`);
        }
        return report.summary.result === 'fail' ? EXIT_FINDINGS : EXIT_PASS;
    }
    catch (e) {
        if (e instanceof OptionsError) {
            io.stderr(`relaygate: ${visible(e.message)}\n`);
            return EXIT_USAGE;
        }
        const message = e instanceof Error ? e.message : String(e);
        io.stderr(`relaygate: internal error: ${visible(message)}\n`);
        if (io.env.RELAYGATE_DEBUG === '1' && e instanceof Error && e.stack)
            io.stderr(`${e.stack}\n`);
        return EXIT_USAGE;
    }
}
/**
 * The scan root and the paths under it. One directory is the root itself, so
 * `relaygate examples` reports `open-relay/postfix/main.cf`. A file, or
 * several paths, are scanned under the current directory as root.
 */
async function scanTarget(given, cwd) {
    if (given.length === 0)
        return { root: cwd, paths: ['.'] };
    const kinds = await Promise.all(given.map((p) => run_kindOf(external_node_path_default().resolve(cwd, p), p)));
    if (given.length === 1 && kinds[0] === 'directory')
        return { root: external_node_path_default().resolve(cwd, given[0]), paths: ['.'] };
    const paths = given.map((p) => {
        const rel = external_node_path_default().relative(cwd, external_node_path_default().resolve(cwd, p));
        if (rel.startsWith('..') || external_node_path_default().isAbsolute(rel)) {
            throw new OptionsError(`path "${p}" is outside the current directory, which is the scan root when a file or several paths are given; run relaygate from a directory that contains it`);
        }
        return rel === '' ? '.' : rel.split((external_node_path_default()).sep).join('/');
    });
    return { root: cwd, paths };
}
async function run_kindOf(full, shown) {
    try {
        return (await (0,promises_namespaceObject.stat)(full)).isDirectory() ? 'directory' : 'file';
    }
    catch (e) {
        const code = e.code;
        throw new OptionsError(`path "${shown}" ${code === 'ENOENT' ? 'does not exist' : `cannot be read: ${e.message}`}`);
    }
}
/**
 * `--changed FILE`: one path per line (as `git diff --name-only` prints them
 * when run from the current directory), made relative to the scan root so
 * they compare with the report's paths.
 */
async function readChanged(file, cwd, root) {
    let text;
    try {
        text = await (0,promises_namespaceObject.readFile)(external_node_path_default().resolve(cwd, file), 'utf8');
    }
    catch (e) {
        const code = e.code;
        throw new OptionsError(`--changed: cannot read ${file}: ${code === 'ENOENT' ? 'no such file' : e.message}`);
    }
    return text
        .split('\n')
        .map((line) => line.replace(/\r$/, '').trim())
        .filter((line) => line !== '')
        .map((line) => external_node_path_default().relative(root, external_node_path_default().resolve(cwd, line)).split((external_node_path_default()).sep).join('/'));
}
/** FILE flags are relative to where the user typed them. */
function relativeToCwd(settings, cwd) {
    const out = { ...settings };
    if (settings.vars)
        out.vars = settings.vars.map((v) => external_node_path_default().resolve(cwd, v));
    if (settings.baseline)
        out.baseline = external_node_path_default().resolve(cwd, settings.baseline);
    return out;
}
async function writeOutput(file, text, shown) {
    try {
        await (0,promises_namespaceObject.mkdir)(external_node_path_default().dirname(file), { recursive: true });
        await (0,promises_namespaceObject.writeFile)(file, text);
    }
    catch (e) {
        throw new OptionsError(`--output: cannot write ${shown}: ${e.message}`);
    }
}

;// CONCATENATED MODULE: ./src/cli.ts
// The CLI's entry (dist/cli/index.js, package.json `bin`). Everything it does
// is in src/cli/run.ts, where tests can call it; this file only binds it to
// the process. No top-level await: the bundle must not depend on the bundler
// supporting it. process.exitCode (not process.exit) lets stdout drain into a pipe.

void runCli(process.argv.slice(2), {
    cwd: process.cwd(),
    env: process.env,
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
}).then((status) => {
    process.exitCode = status;
});

