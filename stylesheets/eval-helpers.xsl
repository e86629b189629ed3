<?xml version="1.0" encoding="UTF-8"?>
<!--
  eval-helpers.xsl: included by evaluate.xsl.  Dates as day numbers,
  exact hours in hundredths, counted words, lists of tokens, and the
  check that a reference to a person names a person.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:p="urn:endorse:portfolio:1"
    xmlns="urn:endorse:checklist:1"
    xmlns:ef="urn:endorse:functions"
    exclude-result-prefixes="p ef">

  <!-- Days since 1970-01-01 of a YYYY-MM-DD date. -->
  <xsl:template name="day">
    <xsl:param name="d"/>
    <xsl:value-of select="ef:day(string($d))"/>
  </xsl:template>

  <!-- Exact hundredths of a decimal string such as 12.5 (no float). -->
  <xsl:template name="hundredths">
    <xsl:param name="h"/>
    <xsl:value-of select="number(substring-before(concat('0', $h, '.'), '.')) * 100 +
        number(substring(concat(substring-after($h, '.'), '00'), 1, 2))"/>
  </xsl:template>

  <!-- 1225 -> 12.25, 1250 -> 12.5, 1200 -> 12 -->
  <xsl:template name="fmt-hours">
    <xsl:param name="c"/>
    <xsl:variable name="i" select="floor($c div 100)"/>
    <xsl:variable name="f" select="$c - $i * 100"/>
    <xsl:value-of select="$i"/>
    <xsl:choose>
      <xsl:when test="$f = 0"/>
      <xsl:when test="$f mod 10 = 0"><xsl:value-of select="concat('.', $f div 10)"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="concat('.', format-number($f, '00'))"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- 20 -> $20, 2050 hundredths -> $20.50 -->
  <xsl:template name="fmt-money">
    <xsl:param name="c"/>
    <xsl:value-of select="concat('$', floor($c div 100))"/>
    <xsl:if test="$c mod 100 != 0"><xsl:value-of select="concat('.', format-number($c mod 100, '00'))"/></xsl:if>
  </xsl:template>

  <!-- "1 reference" / "3 references" -->
  <xsl:template name="n">
    <xsl:param name="n"/>
    <xsl:param name="one"/>
    <xsl:param name="many" select="concat($one, 's')"/>
    <xsl:value-of select="$n"/>
    <xsl:text> </xsl:text>
    <xsl:choose>
      <xsl:when test="$n = 1"><xsl:value-of select="$one"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="$many"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- "yes" when the space-separated $have holds every token of $need -->
  <xsl:template name="all-in">
    <xsl:param name="need"/>
    <xsl:param name="have"/>
    <xsl:variable name="first" select="substring-before(concat($need, ' '), ' ')"/>
    <xsl:choose>
      <xsl:when test="$need = ''">yes</xsl:when>
      <xsl:when test="contains(concat(' ', normalize-space($have), ' '), concat(' ', $first, ' '))">
        <xsl:call-template name="all-in">
          <xsl:with-param name="need" select="substring-after($need, ' ')"/>
          <xsl:with-param name="have" select="$have"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>no</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- "yes" when $have holds one of the tokens of $want -->
  <xsl:template name="any-in">
    <xsl:param name="want"/>
    <xsl:param name="have"/>
    <xsl:variable name="first" select="substring-before(concat($want, ' '), ' ')"/>
    <xsl:choose>
      <xsl:when test="$want = ''">no</xsl:when>
      <xsl:when test="contains(concat(' ', normalize-space($have), ' '), concat(' ', $first, ' '))">yes</xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="any-in">
          <xsl:with-param name="want" select="substring-after($want, ' ')"/>
          <xsl:with-param name="have" select="$have"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The tokens of $want that $have holds, in $want's order, joined
       "A", "A and B", "A, B and C". -->
  <xsl:template name="common-words">
    <xsl:param name="want"/>
    <xsl:param name="have"/>
    <xsl:param name="done" select="''"/>
    <xsl:variable name="w" select="normalize-space($want)"/>
    <xsl:variable name="first" select="substring-before(concat($w, ' '), ' ')"/>
    <xsl:variable name="hit" select="$w != '' and contains(concat(' ', normalize-space($have), ' '), concat(' ', $first, ' '))"/>
    <xsl:choose>
      <xsl:when test="$w = ''">
        <!-- $done: "|A|B|C": the last separator becomes " and " -->
        <xsl:call-template name="and-join"><xsl:with-param name="list" select="substring($done, 2)"/></xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="common-words">
          <xsl:with-param name="want" select="substring-after($w, ' ')"/>
          <xsl:with-param name="have" select="$have"/>
          <xsl:with-param name="done" select="concat($done, substring(concat('|', $first), 1, number($hit) * (string-length($first) + 1)))"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- "A|B|C" -> "A, B and C" -->
  <xsl:template name="and-join">
    <xsl:param name="list"/>
    <xsl:choose>
      <xsl:when test="not(contains($list, '|'))"><xsl:value-of select="$list"/></xsl:when>
      <xsl:when test="not(contains(substring-after($list, '|'), '|'))">
        <xsl:value-of select="concat(substring-before($list, '|'), ' and ', substring-after($list, '|'))"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="concat(substring-before($list, '|'), ', ')"/>
        <xsl:call-template name="and-join"><xsl:with-param name="list" select="substring-after($list, '|')"/></xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A reference to a person must name a person (SECURITY.md rule 7:
       the schema checks only that the identifier exists). -->
  <xsl:template name="check-person-ref">
    <xsl:param name="attr"/>
    <xsl:variable name="target" select="key('id', $attr)"/>
    <xsl:if test="$attr and not($target[self::p:person])">
      <xsl:message terminate="yes">
        <xsl:value-of select="concat('line ', ef:line($attr/..), ': element ', &quot;'&quot;,
            local-name($attr/..), &quot;'&quot;, ', attribute ', &quot;'&quot;, local-name($attr),
            &quot;'&quot;, ': ', &quot;'&quot;, $attr, &quot;'&quot;, ' names a ',
            local-name($target), ', not a person listed under ', &quot;'people'&quot;)"/>
      </xsl:message>
    </xsl:if>
  </xsl:template>

</xsl:stylesheet>
